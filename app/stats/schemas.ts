import * as z from "zod";

import { optionalDay, optionalMonth } from "~/utils/fields";

import { WINDOWS } from "./windows";

// Statistics reach back to 2010 at most: a series is one query term per month.
const STATS_FROM = "2010-01-01";
const day = (message: string) => optionalDay({ message, min: STATS_FROM, rangeMessage: "Vælg en dato fra 2010 og frem." });
const month = (message: string) => optionalMonth(message, { min: STATS_FROM.slice(0, 7), max: "2100-12", rangeMessage: "Vælg en måned fra januar 2010 og frem." });

/** The pickers on "Statistik" (GET, Danish names). Missing values fall back to defaults. */
export const dashboardSchema = z
  .object({
    dato: day("Vælg en gyldig dato."),
    fra: day("Vælg en gyldig dato."),
    til: day("Vælg en gyldig dato."),
    basis: month("Vælg en måned, fx 2025-01."),
    /** "vis": compute Effekt too. */
    effekt: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["vis"], { error: "Ukendt valg." }).optional()),
    vindue: z.preprocess(
      (v) => (v === undefined || v === "" ? undefined : Number(v)),
      z
        .union(
          WINDOWS.map((w) => z.literal(w)),
          { error: "Vælg 28, 56 eller 84 dage." },
        )
        .optional(),
    ),
  })
  .refine((v) => !v.fra || !v.til || v.fra <= v.til, { message: '"Til" skal være efter "fra".', path: ["til"] });
