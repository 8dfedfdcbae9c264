import type { Flexibility, InterestStage, OpeningStatus } from "../../db/schema";

// Danish words for openings and candidates, shared by forms, pages and the server.

export const FLEXIBILITIES = ["fixed", "flexible", "by_agreement"] as const satisfies readonly Flexibility[];

export const flexibilityLabels: Record<Flexibility, string> = {
  fixed: "Faste tider",
  flexible: "Fleksible tider: medarbejderen vælger selv inden for rammerne",
  by_agreement: "Tiderne aftales med den enkelte",
};

export const openingStatusLabels: Record<OpeningStatus, string> = {
  draft: "Kladde",
  published: "Slået op",
  closed: "Lukket",
};

export const STAGES = ["new", "dialog", "interview", "hired", "rejected"] as const satisfies readonly InterestStage[];

/** Where her interest stands, in words for the flexjobber ("Mine interesser"). */
export const stageLabelsForFlexjobber: Record<InterestStage, string> = {
  new: "Sendt. Virksomheden har ikke kigget på den endnu",
  dialog: "Virksomheden er i dialog om dig",
  interview: "Du er med i overvejelserne til samtale",
  hired: "Virksomheden har meldt dig ansat",
  rejected: "Ikke valgt denne gang",
};

export const stageLabels: Record<InterestStage, string> = {
  new: "Ny",
  dialog: "I dialog",
  interview: "Samtale",
  hired: "Ansat",
  rejected: "Afslag",
};
