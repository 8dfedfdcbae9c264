import * as z from "zod";

import { isCalendarDay } from "~/utils/dates";
import { checkboxList, hours, hoursInOrder, hoursInOrderMessage, optionalHours, optionalPostcode, optionalText, optionalWholeNumber, text, wholeNumber } from "~/utils/fields";

import { AVAILABILITIES, TERM_KINDS, TIMES_OF_DAY } from "./options";

// One schema per form on the profile pages; the browser and the action use the same one.

export const HEADLINE_MAX = 120;
export const SUMMARY_MAX = 1500;
export const HOURS_MAX_PER_WEEK = 37;
/** A candidate search with a postcode and no distance looks this far around it. */
export const DEFAULT_SEARCH_KM = 25;

/** "Om dig": headline, short presentation, birth date (for the age band only). */
export const aboutSchema = z.object({
  headline: text("Skriv en overskrift.", HEADLINE_MAX),
  summary: optionalText(SUMMARY_MAX),
  birthDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isPlausibleBirthDate(v), "Skriv datoen som dd-mm-åååå, fx 24-03-1975."),
});

function isPlausibleBirthDate(v: string): boolean {
  if (!isCalendarDay(v)) return false;
  const year = Number(v.slice(0, 4));
  return year >= 1940 && year <= new Date().getUTCFullYear() - 15;
}

/** Add one item to a list (competence, certificate, education, industry, job type). */
export const addTermSchema = z.object({
  intent: z.literal("add"),
  kind: z.enum(TERM_KINDS, { error: "Vælg en liste." }),
  label: text("Skriv noget, før du trykker Tilføj.", 80),
});

export const removeItemSchema = z.object({
  intent: z.literal("remove"),
  id: z.coerce.number().int().positive(),
});

export const termListSchema = z.discriminatedUnion("intent", [addTermSchema, removeItemSchema]);

export const experienceSchema = z.object({
  intent: z.literal("add"),
  title: text('Skriv din stilling, fx "Lagermedarbejder".', 80),
  industry: optionalText(80),
  employer: optionalText(80),
  years: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), wholeNumber("Skriv antal år.", { min: 0, max: 60, unit: "år" }).optional()),
});

export const employerNamesSchema = z.object({
  intent: z.literal("employer-names"),
  showEmployerNames: z.enum(["ja", "nej"], { error: "Vælg ja eller nej." }),
});

export const experienceFormSchema = z.discriminatedUnion("intent", [experienceSchema, removeItemSchema, employerNamesSchema]);

/** "Ønsker": hours, times of day, where, availability. */
export const wishesSchema = z
  .object({
    hoursMin: hours("Skriv det laveste antal timer.", { min: 1, max: HOURS_MAX_PER_WEEK }),
    hoursMax: hours("Skriv det højeste antal timer.", { min: 1, max: HOURS_MAX_PER_WEEK }),
    timesOfDay: checkboxList(TIMES_OF_DAY),
    postcode: z
      .string({ error: "Skriv dit postnummer." })
      .trim()
      .min(1, "Skriv dit postnummer.")
      .regex(/^\d{4}$/, "Et postnummer har 4 cifre, fx 2820."),
    maxCommuteKm: wholeNumber("Skriv hvor langt du vil rejse.", { min: 0, max: 300, unit: "km" }),
    availability: z.enum(AVAILABILITIES, { error: "Vælg en af mulighederne." }),
  })
  .refine(hoursInOrder, hoursInOrderMessage);

export const addAccommodationSchema = z.object({
  intent: z.literal("add"),
  label: text("Skriv eller vælg et skånebehov.", 120),
});

export const accommodationVisibilitySchema = z.object({
  intent: z.literal("visibility"),
  id: z.coerce.number().int().positive(),
  visible: z.enum(["ja", "nej"]),
});

export const accommodationFormSchema = z.discriminatedUnion("intent", [
  addAccommodationSchema,
  removeItemSchema,
  accommodationVisibilitySchema,
  z.object({ intent: z.literal("give-consent") }),
  z.object({ intent: z.literal("withdraw-consent") }),
]);

/**
 * The buttons on "Min profil": publish, pause, resume; "seen" (she has read
 * what staff wrote with her); "stop-assist" (staff are done filling it in).
 * `witnessed`: staff publishing with her confirm she said yes to the text.
 */
export const visibilitySchema = z.object({
  intent: z.enum(["publish", "pause", "resume", "seen", "stop-assist"]),
  witnessed: z.literal("ja").optional(),
});

/** Staff review: approve, or send back with a reason the flexjobber reads. */
export const reviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), userId: z.string().min(1) }),
  z.object({
    intent: z.literal("return"),
    userId: z.string().min(1),
    reason: text("Skriv hvorfor profilen sendes tilbage, så borgeren kan rette den.", 1000),
  }),
]);

const optionalWhole = (min: number, max: number, unit: string) => optionalWholeNumber({ min, max, unit });

const stringList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().trim().max(80)).max(30));

/** "Find kandidater" (GET, Danish parameter names so links read well). */
export const candidateSearchSchema = z
  .object({
    q: optionalText(200),
    kompetence: stringList,
    certifikat: stringList,
    branche: optionalText(80),
    timerFra: optionalHours({ min: 1, max: HOURS_MAX_PER_WEEK }),
    timerTil: optionalHours({ min: 1, max: HOURS_MAX_PER_WEEK }),
    postnr: optionalPostcode(),
    km: optionalWhole(1, 300, "km"),
    status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(AVAILABILITIES).optional()),
    sortering: z.preprocess((v) => (v === "" || v === undefined ? "relevance" : v), z.enum(["relevance", "newest"])),
    side: z.preprocess((v) => (v === "" || v === undefined ? 1 : Number(v)), z.number().int().min(1).max(10_000).catch(1)),
  })
  .refine((v) => v.timerFra === undefined || v.timerTil === undefined || v.timerFra <= v.timerTil, {
    message: '"Til" skal være mindst lige så stort som "fra".',
    path: ["timerTil"],
  });

export type CandidateSearchInput = z.output<typeof candidateSearchSchema>;

export const contactRequestSchema = z.object({
  message: text("Skriv en kort besked til borgeren.", 1000),
  // One of the company's published openings; "" is "no opening in particular".
  opening: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ error: "Vælg et af jeres opslag." }).int().positive({ error: "Vælg et af jeres opslag." }).optional()),
});

export const answerRequestSchema = z.object({
  requestId: z.coerce.number().int().positive(),
  answer: z.enum(["accepted", "declined"], { error: "Vælg ja eller nej." }),
});
