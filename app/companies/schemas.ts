import * as z from "zod";

import { email, optionalText, text } from "~/utils/fields";

export const companyAccessSchema = z.object({
  companyName: text("Skriv virksomhedens navn."),
  cvr: z
    .string({ error: "Skriv CVR-nummeret." })
    // "DK12345678", "12 34 56 78" and "12-34-56-78" are all the same CVR number.
    .transform((v) =>
      v
        .trim()
        .replace(/^dk[\s-]*/i, "")
        .replace(/[\s.-]/g, ""),
    )
    .pipe(
      z
        .string()
        .min(1, "Skriv CVR-nummeret.")
        .regex(/^\d{8}$/, "CVR-nummeret skal være 8 cifre, fx 12345678."),
    ),
  contactName: text("Skriv navnet på kontaktpersonen."),
  email: email(),
  phone: optionalText(30),
});

export const companyDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), companyId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("suspend"), companyId: z.coerce.number().int().positive() }),
  z.object({
    intent: z.literal("reactivate"),
    companyId: z.coerce.number().int().positive(),
    /** "ja": a newer request from the same CVR is rejected as merged into this company. */
    merge: z.literal("ja").optional(),
  }),
  z.object({
    intent: z.literal("reject"),
    companyId: z.coerce.number().int().positive(),
    note: optionalText(500),
  }),
]);

const blank = (v: unknown) => (v === "" || v === undefined ? undefined : v);

/** The search and filter of "Virksomheder" (GET, in the URL). Without "adgang": approved and suspended. */
export const companyListSchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(100, "Søg med højst 100 tegn.").optional()),
  adgang: z.preprocess(blank, z.enum(["approved", "suspended", "rejected"], { error: "Vælg en adgang fra listen." }).optional()),
  side: z.preprocess((v) => (v === "" || v === undefined ? 1 : Number(v)), z.number().int().min(1).max(100_000).catch(1)),
});

export type CompanyListQuery = z.infer<typeof companyListSchema>;
