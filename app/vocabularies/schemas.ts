import * as z from "zod";

import { text } from "~/utils/fields";

import { VOCABULARY_KINDS } from "../../db/vocabularies/terms";

const label = text("Skriv ordet.", 80);

export const addTermSchema = z.object({
  intent: z.literal("add"),
  kind: z.enum(VOCABULARY_KINDS, { error: "Vælg en liste." }),
  label,
});

/** The row buttons on the Ordlister page: rename, hide, show again. */
export const changeTermSchema = z.discriminatedUnion("intent", [
  addTermSchema,
  z.object({ intent: z.literal("rename"), id: z.coerce.number().int().positive(), label }),
  z.object({ intent: z.literal("hide"), id: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("show"), id: z.coerce.number().int().positive() }),
]);

export const vocabularyTitles = {
  competence: "Kompetencer",
  industry: "Brancher",
  accommodation: "Skånebehov og hensyn",
  certificate: "Certifikater og beviser",
} as const;
