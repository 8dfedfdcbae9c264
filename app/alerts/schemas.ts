import * as z from "zod";

import { text } from "~/utils/fields";

/** "Gem søgning" under a search (the browser and the action read it alike). */
export const saveSearchSchema = z.object({
  intent: z.literal("save"),
  name: text("Giv søgningen et navn, så du kan kende den igen.", 80),
  // The search page's query string; that page's own schema reads it in the action.
  query: z.string().max(4000, "Søgningen er for lang til at gemme.").default(""),
});

/** "Gemte søgninger": save one, or delete one. */
export const savedSearchActionSchema = z.discriminatedUnion("intent", [saveSearchSchema, z.object({ intent: z.literal("delete"), id: z.coerce.number().int().positive() })]);
