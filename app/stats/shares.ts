/**
 * Each count's share of the total in %, with `decimals` decimals, rounded by
 * largest remainder so the shares always sum to exactly 100 (METRICS.md):
 * every share is first rounded down, and the units left over go to the
 * largest remainders (ties to the key that comes first). All 0 when the total is 0.
 */
export function sharesOf<K extends string>(keys: readonly K[], counts: Record<K, number>, decimals = 1): Record<K, number> {
  const unit = 10 ** decimals;
  const total = keys.reduce((s, k) => s + counts[k], 0);
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  if (total === 0) return out;
  // Work in whole units (tenths of a percent by default) so no float rounding creeps in.
  const exact = keys.map((k) => ({ k, units: (counts[k] * 100 * unit) / total }));
  const floors = exact.map((e) => ({ ...e, floor: Math.floor(e.units + 1e-9) }));
  let left = 100 * unit - floors.reduce((s, e) => s + e.floor, 0);
  const byRemainder = [...floors].sort((a, b) => b.units - b.floor - (a.units - a.floor));
  const extra = new Set<K>();
  for (const e of byRemainder) {
    if (left <= 0) break;
    extra.add(e.k);
    left -= 1;
  }
  for (const e of floors) out[e.k] = (e.floor + (extra.has(e.k) ? 1 : 0)) / unit;
  return out;
}
