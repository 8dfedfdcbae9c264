// One way to page a list that grows with the municipality: 50 rows a page,
// the page in the address as ?side=N, and the true total beside it.

export const PER_PAGE = 50;

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pages: number;
}

/** ?side=N from the address: 1 when missing or not a page number. */
export function pageParam(url: URL | string): number {
  const n = Number(new URL(url).searchParams.get("side"));
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}

/** Counts, then reads the page asked for (the last one when asked past the end). */
export async function paginate<T>(
  count: () => Promise<number | string | bigint>,
  read: (limit: number, offset: number) => Promise<T[]>,
  page: number,
  perPage = PER_PAGE,
): Promise<Paged<T>> {
  const total = Number(await count());
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: await read(perPage, (current - 1) * perPage), total, page: current, pages };
}
