import * as z from "zod";
import type { FollowUpKind } from "../../db/schema";
import { optionalText } from "~/utils/fields";

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
