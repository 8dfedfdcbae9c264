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

/** A count as staff see it: null is a masked count between 1 and 4 (see maskedCount). */
export function countText(n: number | null): string {
  return n === null ? "< 5" : String(n);
}
