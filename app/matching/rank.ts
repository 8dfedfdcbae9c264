/**
 * Ranks by exact score while scoring as few rows as possible: rows come in
 * the order of an upper bound of their score (best first, ties newest first),
 * are scored exactly a batch at a time, and the loop stops as soon as no row
 * still to come could beat the last one needed. The result is the order an
 * exact score over every row would give (score, then the tie-breaker), for
 * the first `needed` rows.
 */

export interface BoundedRow<K> {
  key: K;
  /** Upper bound of the exact score, rounded as the score is. */
  bound: number;
  /** Tie-breaker: among equal scores the larger string comes first (an ISO date: newest first). */
  tie: string;
}

export interface Ranked {
  score: number;
  tie: string;
}

/** a ranks before (or level with) b. */
const precedes = (a: Ranked, b: Ranked) => a.score > b.score || (a.score === b.score && a.tie >= b.tie);

export async function rankByBound<K, T extends Ranked>(
  /** Rows in order of (bound desc, tie desc), from offset, at most limit. */
  next: (offset: number, limit: number) => Promise<BoundedRow<K>[]>,
  /** Exact scores for some keys (a key may drop out, e.g. no longer visible). */
  score: (keys: K[]) => Promise<T[]>,
  needed: number,
  // The bound is exact but for distance, so the first batch is usually the last: a little over what is needed.
  batch = needed + 10,
): Promise<T[]> {
  const ranked: T[] = [];
  // Each further batch is twice the last: every batch runs the ranking query again, so few and growing.
  for (let offset = 0; ; offset += batch, batch *= 2) {
    // One row more than the batch: the first row not yet scored says what is still possible.
    const rows = await next(offset, batch + 1);
    const scored = await score(rows.slice(0, batch).map((r) => r.key));
    ranked.push(...scored);
    ranked.sort((a, b) => (precedes(a, b) ? (precedes(b, a) ? 0 : -1) : 1));
    const ahead = rows[batch];
    if (!ahead) break;
    const last = ranked[needed - 1];
    if (last && precedes(last, { score: ahead.bound, tie: ahead.tie })) break;
  }
  return ranked.slice(0, needed);
}
