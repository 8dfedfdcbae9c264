import { z } from "zod";

/** Staff on "Til bekræftelse": confirm a hire from a day, or say it did not happen. */
export const hireDecisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("confirm"),
    hireId: z.coerce.number().int().positive(),
    fromDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Skriv datoen som dd-mm-åååå."),
  }),
  z.object({ intent: z.literal("dismiss"), hireId: z.coerce.number().int().positive() }),
]);
