import { z } from "zod";

// Zod building blocks with Danish messages, shared by every form schema
// (and so by react-hook-form in the browser and the action on the server).

export function text(emptyMessage: string, max = 200) {
  return z
    .string({ error: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    .max(max, `Teksten er for lang. Højst ${max} tegn.`);
}

export function optionalText(max = 200) {
  return z
    .string()
    .trim()
    .max(max, `Teksten er for lang. Højst ${max} tegn.`)
    .optional()
    .transform((v) => (v ? v : undefined));
}

export function email() {
  return z
    .string({ error: "Skriv en e-mail." })
    .trim()
    .min(1, "Skriv en e-mail.")
    .max(254, "E-mailen er for lang.")
    .email("Skriv en gyldig e-mail, fx navn@eksempel.dk.")
    .transform((v) => v.toLowerCase());
}

/** A checkbox that must be ticked. Accepts "on" (a plain form post) or true (react-hook-form). */
export function requiredCheckbox(message: string) {
  return z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, { error: message }));
}
