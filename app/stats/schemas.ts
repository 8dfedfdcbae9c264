import { z } from "zod";

const day = (message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, message).refine((v) => !Number.isNaN(Date.parse(v)), message).optional());
const month = (message: string) => z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, message).optional());

/** The pickers on "Statistik" (GET, Danish names). Missing values fall back to defaults. */
export const dashboardSchema = z
  .object({
    dato: day("Vælg en gyldig dato."),
    fra: day("Vælg en gyldig dato."),
    til: day("Vælg en gyldig dato."),
    basis: month("Vælg en måned, fx 2025-01."),
  })
  .refine((v) => !v.fra || !v.til || v.fra <= v.til, { message: "\"Til\" skal være efter \"fra\".", path: ["til"] });
