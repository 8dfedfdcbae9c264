// mulberry32: a small, fast, seeded generator; good enough for demo data.
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    shuffle: <T>(list: T[]): T[] => {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return list;
    },
  };
}

export type Rng = ReturnType<typeof prng>;

/**
 * Deals values by quota, in call order: after n calls each value has been
 * dealt within one of its share × n (the one furthest behind gets the next).
 */
export function quota<T extends string>(shares: readonly (readonly [T, number])[]): () => T {
  const dealt = shares.map(() => 0);
  let n = 0;
  return () => {
    n += 1;
    let best = 0;
    for (let k = 1; k < shares.length; k++) {
      if (shares[k]![1] * n - dealt[k]! > shares[best]![1] * n - dealt[best]!) best = k;
    }
    dealt[best]! += 1;
    return shares[best]![0];
  };
}
