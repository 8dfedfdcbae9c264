import type { FormFailure } from "./forms.server";

// After a failed post the page renders again; without JavaScript the inputs
// would fall back to the stored values and lose what was typed. These pick
// the typed value when there is one.

type Values = FormFailure["values"];

export function submittedText(values: Values, key: string, fallback: string): string {
  const v = values?.[key];
  if (v === undefined) return fallback;
  return Array.isArray(v) ? (v[0] ?? "") : v;
}

/** Checkbox lists: what was ticked (nothing ticked sends nothing, so a failed post means none). */
export function submittedList(values: Values, key: string, fallback: string[]): string[] {
  if (!values) return fallback;
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A form of text fields only: each field's typed value, or the stored one. */
export function submittedTexts<T extends { [K in keyof T]: string }>(values: Values, stored: T): T {
  return Object.fromEntries(Object.entries<string>(stored).map(([k, v]) => [k, submittedText(values, k, v)])) as T;
}
