// Words for the dashboard, shared by the page and the CSV tables.

export const bucketLabels = {
  daily: "Dagligt",
  weekly: "Ugentligt",
  fortnightly: "Hver 14. dag",
  rarely: "Sjældnere",
} as const;

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

const SHORT_MONTHS = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];

/** A month on a chart's axis, as Danes abbreviate it: "2025-12" → "dec. 25". */
export function shortMonthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${SHORT_MONTHS[m - 1]}\u00a0${String(y % 100).padStart(2, "0")}`;
}

/** A day on a chart's axis: "2026-01-12" → "12. jan.". */
export function shortDayLabel(day: string): string {
  const [, m, d] = day.split("-").map(Number) as [number, number, number];
  return `${d}.\u00a0${SHORT_MONTHS[m - 1]}`;
}

/**
 * A percentage in Danish: decimal comma, and a no-break space before "%" so a
 * narrow screen never leaves the sign alone on the next line. Null is `empty`.
 */
export function percentText(v: number | null, empty = ""): string {
  return v === null ? empty : `${String(v).replace(".", ",")}\u00a0%`;
}

/** A count as staff see it: null is a masked count between 1 and 4 (see maskedCount). */
export function countText(n: number | null): string {
  return n === null ? "< 5" : String(n);
}
