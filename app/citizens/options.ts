import type { EmploymentStatusValue } from "../../db/schema";

/** Words staff may write in the CSV status column, mapped to the stored value. */
export const STATUS_WORDS: Record<string, EmploymentStatusValue> = {
  ledig: "ledig",
  "i fleksjob": "i_fleksjob",
  i_fleksjob: "i_fleksjob",
  fleksjob: "i_fleksjob",
  andet: "andet",
};

export const accountStateLabels = {
  none: "Ikke inviteret",
  invited: "Inviteret, venter på svar",
  expired: "Invitationen er udløbet",
  revoked: "Invitationen er trukket tilbage",
  account: "Har konto",
  suspended: "Spærret",
} as const;

export type AccountState = keyof typeof accountStateLabels;
