import type { ReactNode } from "react";

/**
 * Search filters folded behind "Filtre", so on a phone the first result is on
 * the first screen. Open when a filter is in use or has an error. A <details>
 * element, so it works without JavaScript.
 */
export function FilterFold({ active, open, children }: { active: number; open?: boolean; children: ReactNode }) {
  return (
    <details className="filter-fold" open={open || active > 0}>
      <summary>Filtre{active > 0 ? ` (${active} valgt)` : ""}</summary>
      <div className="filter-fold-body">{children}</div>
    </details>
  );
}

/** How many filters in the address are in use, leaving out the free-text search, paging and sorting. */
export function activeFilters(params: URLSearchParams, ignore: string[] = ["q", "side", "sortering"]): number {
  return new Set([...params.entries()].filter(([k, v]) => v !== "" && !ignore.includes(k)).map(([k, v]) => `${k}=${v}`)).size;
}
