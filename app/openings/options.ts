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

export const stageLabels: Record<InterestStage, string> = {
  new: "Ny",
  dialog: "I dialog",
  interview: "Samtale",
  hired: "Ansat",
  rejected: "Afslag",
};
