import * as z from "zod";

import { AUDIENCES } from "~/events/options";
import { optionalText, text } from "~/utils/fields";

/** Articles (Markdown) and videos (uploaded file or external link, with captions or a transcript). */
export const articleSchema = z.object({
  kind: z.enum(["article", "video"], { error: "Vælg artikel eller video." }),
  title: text("Skriv en titel.", 150),
  summary: text("Skriv et kort resumé.", 400),
  // Markdown may contain "<" (e.g. "< 5"); it is always escaped when rendered.
  body: z.string().trim().max(30_000, "Teksten er for lang. Højst 30.000 tegn.").optional().default(""),
  tags: optionalText(300)
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(",")
          .map((t) => t.trim().toLocaleLowerCase("da-DK"))
          .filter(Boolean),
      ),
    ])
    .refine((tags) => tags.length <= 10, "Højst 10 emneord.")
    .refine((tags) => tags.every((t) => t.length <= 30), "Hvert emneord må højst have 30 tegn."),
  audience: z.enum(AUDIENCES, { error: "Vælg hvem det er for." }),
  status: z.enum(["draft", "published"], { error: "Vælg kladde eller udgivet." }),
  videoUrl: optionalText(500).refine((v) => v === undefined || /^https:\/\/[^\s<>"]+$/.test(v), "Skriv et link, der starter med https://"),
  transcript: z
    .string()
    .trim()
    .max(60_000, "Teksten er for lang.")
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export type ArticleInput = z.output<typeof articleSchema>;
