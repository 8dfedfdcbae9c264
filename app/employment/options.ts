import type { EmploymentStatusValue } from "../../db/schema";

export const employmentStatusLabels: Record<EmploymentStatusValue, string> = {
  ledig: "Ledig",
  i_fleksjob: "I fleksjob",
  andet: "Andet",
};
