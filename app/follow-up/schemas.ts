import * as z from "zod";

import { optionalText, wholeNumber } from "~/utils/fields";

import type { FollowUpKind } from "../../db/schema";
import { FOLLOW_UP_DAYS } from "./options";

export const FOLLOW_UP_KINDS = [
  "quiet",
  "invitation",
  "unpublished",
  "returned",
  "unanswered_request",
  "unanswered_interest",
  "hire_to_confirm",
  "quiet_opening",
  "quiet_company",
] as const satisfies readonly FollowUpKind[];

/** "Markér som fulgt op" on a row of Opfølgning. */
export const followUpSchema = z.object({
  kind: z.enum(FOLLOW_UP_KINDS, { error: "Rækken findes ikke." }),
  subject: z.string().min(1, "Rækken findes ikke.").max(100, "Rækken findes ikke."),
  note: optionalText(500),
});

const days = wholeNumber("Skriv et antal dage.", { min: 1, max: 365, unit: ["dag", "dage"] });

/** Indstillinger: the thresholds of Opfølgning's lists. */
export const followUpDaysSchema = z.object({
  intent: z.literal("follow-up"),
  ...(Object.fromEntries(Object.keys(FOLLOW_UP_DAYS).map((k) => [k, days])) as Record<keyof typeof FOLLOW_UP_DAYS, typeof days>),
});
