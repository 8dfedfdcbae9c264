import * as z from "zod";

import { HOURS_MAX_PER_WEEK } from "~/profiles/schemas";
import { day, hours, hoursInOrder, hoursInOrderMessage, optionalDay, optionalPostcode, optionalText, optionalWholeNumber, text } from "~/utils/fields";

import { FLEXIBILITIES, STAGES } from "./options";

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 4000;
export const MAX_TASKS = 15;

const optionalDate = (message: string) => optionalDay({ message, min: "2000-01-01", rangeMessage: "Vælg en dato fra år 2000 og frem." });

const names = z.preprocess((v) => (v === undefined || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().trim().min(1).max(80)).max(40, "Vælg højst 40."));

/** Create and edit an opening (one form; the same schema in the browser and the action). */
export const openingSchema = z
  .object({
    title: text('Skriv en titel, fx "Køkkenmedhjælper".', TITLE_MAX),
    description: text("Skriv kort om jobbet og arbejdspladsen.", DESCRIPTION_MAX),
    tasks: optionalText(MAX_TASKS * 121)
      .transform((v) =>
        (v ?? "")
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .refine((lines) => lines.length <= MAX_TASKS, `Skriv højst ${MAX_TASKS} opgaver.`)
      .refine((lines) => lines.every((l) => l.length <= 120), "Hver opgave må højst have 120 tegn."),
    hoursMin: hours("Skriv det laveste antal timer.", { min: 1, max: HOURS_MAX_PER_WEEK }),
    hoursMax: hours("Skriv det højeste antal timer.", { min: 1, max: HOURS_MAX_PER_WEEK }),
    flexibility: z.enum(FLEXIBILITIES, { error: "Vælg hvor faste tiderne er." }),
    remote: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    postcode: optionalPostcode(),
    industry: text("Vælg en branche.", 80),
    required: names,
    wanted: names,
    offers: names,
    startDate: optionalDate("Skriv datoen som dd-mm-åååå."),
    deadline: optionalDate("Skriv datoen som dd-mm-åååå."),
  })
  .refine(hoursInOrder, hoursInOrderMessage)
  .refine((v) => v.remote || v.postcode !== undefined, {
    message: "Skriv arbejdspladsens postnummer, eller sæt flueben ved hjemmefra.",
    path: ["postcode"],
    when: ({ value }) => typeof (value as { remote?: unknown }).remote === "boolean",
  });

export type OpeningInput = z.output<typeof openingSchema>;

/** "Forlæng fristen" on a company's opening page (the deadline reminder links there). */
export const extendDeadlineSchema = z.object({
  intent: z.literal("extend"),
  deadline: day("Vælg den nye frist.", { min: "2000-01-01", rangeMessage: "Vælg en dato fra år 2000 og frem." }),
});

/** The buttons on a company's opening page. */
export const openingActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("copy") }),
  extendDeadlineSchema,
  z.object({ intent: z.literal("stage"), interestId: z.coerce.number().int().positive(), stage: z.enum(STAGES, { error: "Vælg et trin." }) }),
  z.object({ intent: z.literal("shortlist"), alias: z.string().trim().min(1).max(40) }),
  z.object({ intent: z.literal("unshortlist"), alias: z.string().trim().min(1).max(40) }),
  z.object({
    intent: z.literal("reply"),
    interestId: z.coerce.number().int().positive(),
    message: text("Skriv en kort besked til kandidaten.", 1000),
  }),
]);

/** "Jeg er interesseret", with a choice to share identity or stay anonymous. */
export const interestSchema = z.object({
  intent: z.literal("interest"),
  message: optionalText(1000),
  shareIdentity: z.enum(["ja", "nej"], { error: "Vælg om virksomheden må se dit navn." }),
});

/** A flexjobber on an opening: save, unsave, say interested. */
export const jobActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("save") }), z.object({ intent: z.literal("unsave") }), interestSchema]);

const optionalWhole = (min: number, max: number, unit: string) => optionalWholeNumber({ min, max, unit });

/** "Mine interesser": take one back. */
export const withdrawInterestSchema = z.object({
  intent: z.literal("withdraw"),
  interestId: z.coerce.number({ error: "Vælg en interesse." }).int().positive("Vælg en interesse."),
});

/** "Job" search (GET, Danish parameter names). */
export const jobSearchSchema = z.object({
  q: optionalText(200),
  branche: optionalText(80),
  timer: z.preprocess((v) => v === "on", z.boolean()),
  afstand: z.preprocess((v) => v === "on", z.boolean()),
  hjemme: z.preprocess((v) => v === "on", z.boolean()),
  ny: z.preprocess((v) => v === "on", z.boolean()),
  sortering: z.preprocess((v) => (v === "" || v === undefined ? "match" : v), z.enum(["match", "newest", "deadline"])),
  side: z.preprocess((v) => (v === "" || v === undefined ? 1 : Number(v)), z.number().int().min(1).max(10_000).catch(1)),
  km: optionalWhole(1, 300, "km"),
});

export type JobSearchInput = z.output<typeof jobSearchSchema>;
