// Statistical disclosure control for staff without the admin role (DESIGN.md
// rule 7: no count of 1–4 people). Masking a small cell is not enough when
// the page also shows what it can be worked out from, so:
// - a share is masked with its count (3 % of a known total is the count);
// - in a group of counts with a shown total, one masked cell would be the
//   total minus the others: a second cell is suppressed with it (secondary
//   suppression, as official statistics do);
// - counts summed over a chosen period are rounded to the nearest 5, so two
//   overlapping periods never subtract to an exact count of 1–4 (and the
//   shares beside them are computed from the rounded counts).
// Admins see every count as it is. decisions/014.

/** What a staff member sees of a count: the number, "< 5" (masked) or "skjult" (suppressed so a masked one cannot be derived). */
export type Cell = { value: number } | { masked: "small" } | { masked: "secondary" };

export const ROUNDING_BASE = 5;

export function isSmall(n: number): boolean {
  return n > 0 && n < 5;
}

export function cellValue(cell: Cell): number | null {
  return "value" in cell ? cell.value : null;
}

export function cellText(cell: Cell): string {
  if ("value" in cell) return String(cell.value);
  return cell.masked === "small" ? "< 5" : "skjult";
}

/** One count that stands alone (no total beside it): masked below 5. */
export function singleCell(n: number, isAdmin: boolean): Cell {
  return !isAdmin && isSmall(n) ? { masked: "small" } : { value: n };
}

/**
 * Counts that add up to a total shown beside them. Every count of 1–4 is
 * masked; when exactly one is, the smallest other count is suppressed too,
 * so the masked one is never the total minus the rest.
 */
export function partitionCells(counts: number[], isAdmin: boolean): Cell[] {
  const cells: Cell[] = counts.map((n) => singleCell(n, isAdmin));
  const masked = cells.filter((c) => !("value" in c)).length;
  if (isAdmin || masked !== 1) return cells;
  let pick = -1;
  counts.forEach((n, i) => {
    if ("value" in cells[i]! && (pick === -1 || n < counts[pick]!)) pick = i;
  });
  if (pick !== -1) cells[pick] = { masked: "secondary" };
  return cells;
}

/**
 * A count summed over a period the viewer chose: rounded to the nearest 5
 * for staff (0 stays 0, 1–4 is masked), exact for admins.
 */
export function periodCount(n: number, isAdmin: boolean): Cell {
  if (isAdmin || n === 0) return { value: n };
  if (isSmall(n)) return { masked: "small" };
  return { value: Math.round(n / ROUNDING_BASE) * ROUNDING_BASE };
}
