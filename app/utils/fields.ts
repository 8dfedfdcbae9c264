import * as z from "zod";

import { FIRST_DAY, isCalendarDay, isCalendarMonth, LAST_DAY } from "./dates";

// Zod building blocks with Danish messages, shared by every form schema
// (and so by react-hook-form in the browser and the action on the server).

// Plain text takes anything a person writes ("arbejder < ca. 20 timer", "<3"):
// React escapes every text it shows, Markdown is sanitised, emails are plain
// text. Only the length is limited.

export function text(emptyMessage: string, max = 200) {
  return z.string({ error: emptyMessage }).trim().min(1, emptyMessage).max(max, `Teksten er for lang. Højst ${max} tegn.`);
}

export function optionalText(max = 200) {
  return z
    .string()
    .trim()
    .max(max, `Teksten er for lang. Højst ${max} tegn.`)
    .optional()
    .transform((v) => (v ? v : undefined));
}

/** A unit after a number: one word, or [singular, plural] when Danish tells them apart ("1 plads", "2 pladser"). */
type Unit = string | readonly [string, string];
const unitFor = (n: number, unit: Unit) => (typeof unit === "string" ? unit : n === 1 ? unit[0] : unit[1]);

/** A whole number typed in a text box ("" counts as missing). */
export function wholeNumber(emptyMessage: string, { min, max, unit }: { min: number; max: number; unit: Unit }) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(",", "."))) : v),
    z
      .number({ error: emptyMessage })
      .int(`Skriv et helt tal.`)
      .min(min, `Skriv mindst ${min} ${unitFor(min, unit)}.`)
      .max(max, `Skriv højst ${max} ${unitFor(max, unit)}.`),
  );
}

/** Checkboxes with one name: nothing, one value or many → always an array. */
export function checkboxList<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((v) => (v === undefined || v === false || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values, { error: "Vælg fra listen." })));
}

/**
 * An email as Danes write it, Danish letters too (søren@ærø.dk): trimmed,
 * lower case, NFC. The domain must be a real host name once written in
 * ASCII (punycode), which the browser's and Node's URL parser both do.
 */
export function isEmail(value: string): boolean {
  const at = value.lastIndexOf("@");
  if (at < 1 || at === value.length - 1) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || /[\s@<>()[\]\\,;:"]/u.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return false;
  }
  return /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.(xn--[a-z0-9-]+|[a-z]{2,63})$/.test(ascii) && ascii.length <= 253;
}

export function email() {
  return z
    .string({ error: "Skriv en e-mail." })
    .trim()
    .min(1, "Skriv en e-mail.")
    .max(254, "E-mailen er for lang.")
    .transform((v) => v.normalize("NFC").toLowerCase())
    .refine(isEmail, "Skriv en gyldig e-mail, fx navn@eksempel.dk.");
}

/**
 * A phone number as people write it: "12 34 56 78", "+45 12345678",
 * "0045-1234 5678". Stored as written (trimmed); 8 to 15 digits.
 */
export function optionalPhone() {
  return z
    .string()
    .trim()
    .max(30, "Telefonnummeret er for langt.")
    .refine((v) => v === "" || (/^\+?[\d\s().-]+$/.test(v) && /^\d{8,15}$/.test(v.replace(/\D/g, ""))), "Skriv et telefonnummer med mindst 8 cifre, fx 12 34 56 78.")
    .transform((v) => (v === "" ? null : v.replace(/\s+/g, " ")))
    .optional()
    .transform((v) => v ?? null);
}

/** Hours a week as people write them: "7", "7,5", "7.5 timer", "7½". Quarter hours at the finest. */
export function hours(emptyMessage: string, { min, max }: { min: number; max: number }) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : parseHours(v)) : v),
    z
      .number({ error: emptyMessage })
      .refine((n) => Number.isInteger(n * 4), "Skriv timerne som et tal, fx 7 eller 7,5.")
      .refine((n) => n >= min, `Skriv mindst ${min} timer.`)
      .refine((n) => n <= max, `Skriv højst ${max} timer.`),
  );
}

export function optionalHours(range: { min: number; max: number }) {
  return z.preprocess((v) => (v === "" ? undefined : v), hours("Skriv timerne som et tal, fx 7 eller 7,5.", range).optional());
}

/** "7,5 timer" → 7.5; NaN when it is not a number of hours. */
export function parseHours(raw: string): number {
  const cleaned = raw
    .trim()
    .toLowerCase()
    .replace(/\s*(timer|time|t)\.?\s*(om|pr\.?|per)?\s*(ugen|uge)?$/u, "")
    .replace("½", ".5")
    .replace(",", ".")
    .replace(/\s+/g, "");
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** A checkbox that must be ticked. Accepts "on" (a plain form post) or true (react-hook-form). */
export function requiredCheckbox(message: string) {
  return z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, { error: message }));
}

/** An optional whole number ("" counts as missing). */
export function optionalWholeNumber({ min, max, unit }: { min: number; max: number; unit: string }) {
  return z.preprocess((v) => (v === "" ? undefined : v), wholeNumber("Skriv et tal.", { min, max, unit }).optional());
}

/** An optional Danish postcode: "" counts as missing; otherwise 4 digits. */
export function optionalPostcode() {
  return z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^\d{4}$/.test(v), "Et postnummer har 4 cifre, fx 2820.");
}

/** The "hours per week from–to" check: `.refine(hoursInOrder, hoursInOrderMessage)`, run even when other fields have errors. */
export const hoursInOrder = (v: { hoursMin: number; hoursMax: number }) => v.hoursMin <= v.hoursMax;
export const hoursInOrderMessage = {
  message: "Det højeste antal timer skal være mindst lige så stort som det laveste.",
  path: ["hoursMax"],
  when: ({ value }: { value: unknown }) => {
    const v = value as { hoursMin?: unknown; hoursMax?: unknown };
    return typeof v.hoursMin === "number" && typeof v.hoursMax === "number";
  },
};

export interface DayRange {
  /** Earliest day allowed ("YYYY-MM-DD"); FIRST_DAY by default. */
  min?: string;
  /** Latest day allowed; LAST_DAY by default. */
  max?: string;
  /** The message when the day is outside the range. */
  rangeMessage?: string;
}

const dayFormatMessage = "Skriv en dato, der findes, fx 24-03-2026.";

function dayInRange(message: string, { min = FIRST_DAY, max = LAST_DAY, rangeMessage }: DayRange) {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .refine(isCalendarDay, message)
    .refine((v) => !isCalendarDay(v) || (v >= min && v <= max), rangeMessage ?? "Datoen ligger uden for det mulige.");
}

/**
 * The one date field of every form and URL parameter: a calendar day
 * ("2026-02-30" and "2024-99-99" are refused) within a sensible range.
 */
export function day(message: string, range: DayRange = {}) {
  return dayInRange(message, range);
}

/** The same, optional ("" or missing counts as no date). */
export function optionalDay(range: DayRange & { message?: string } = {}) {
  const message = range.message ?? dayFormatMessage;
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .refine(isCalendarDay, message)
      .refine((v) => !isCalendarDay(v) || (v >= (range.min ?? FIRST_DAY) && v <= (range.max ?? LAST_DAY)), range.rangeMessage ?? "Datoen ligger uden for det mulige.")
      .optional(),
  );
}

/** An optional month ("YYYY-MM") within a range of months. */
export function optionalMonth(message: string, { min, max, rangeMessage }: { min: string; max: string; rangeMessage: string }) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .refine(isCalendarMonth, message)
      .refine((v) => !isCalendarMonth(v) || (v >= min && v <= max), rangeMessage)
      .optional(),
  );
}
