import * as z from "zod";

import { day } from "~/utils/fields";

/** Staff on "Til bekræftelse": confirm a hire from a day, or say it did not happen. */
export const hireDecisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("confirm"),
    hireId: z.coerce.number().int().positive(),
    fromDate: day("Skriv en dato, der findes, fx 01-03-2026.", { min: "1990-01-01", rangeMessage: "Vælg en dato fra 1990 og frem." }),
  }),
  z.object({ intent: z.literal("dismiss"), hireId: z.coerce.number().int().positive() }),
]);
