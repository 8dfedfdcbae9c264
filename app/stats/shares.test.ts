import { describe, expect, it } from "vitest";

import { sharesOf } from "./shares";

const keys = ["a", "b", "c", "d"] as const;
const sum = (r: Record<string, number>) => Math.round(Object.values(r).reduce((s, v) => s + v, 0) * 10) / 10;

describe("shares by largest remainder", () => {
  it("sums to exactly 100 where rounding each share gives 99.9", () => {
    // 1/3 each of three, nothing in the fourth: naive rounding gives 33.3 × 3 = 99.9.
    const counts = { a: 1, b: 1, c: 1, d: 0 };
    const naive = keys.map((k) => Math.round((1000 * counts[k]) / 3) / 10);
    expect(Math.round(naive.reduce((s, v) => s + v, 0) * 10) / 10).toBe(99.9);
    expect(sharesOf(keys, counts)).toEqual({ a: 33.4, b: 33.3, c: 33.3, d: 0 });
  });

  it("gives the leftover tenths to the largest remainders", () => {
    // 19/45/31/5 of 300 people: 6.333…, 15, 10.333…, 1.666… tenths → floors 6.3/15/10.3/1.6 + 0.1 to d.
    const counts = { a: 19, b: 45, c: 31, d: 5 };
    const result = sharesOf(keys, { a: 19 * 3, b: 45 * 3, c: 31 * 3, d: 5 * 3 + 0 });
    expect(sum(result)).toBe(100);
    expect(sharesOf(keys, counts)).toEqual({ a: 19, b: 45, c: 31, d: 5 });
    const odd = sharesOf(keys, { a: 2, b: 2, c: 2, d: 1 });
    expect(odd).toEqual({ a: 28.6, b: 28.6, c: 28.5, d: 14.3 });
    expect(sum(odd)).toBe(100);
  });

  it("is all zero with nobody counted", () => {
    expect(sharesOf(keys, { a: 0, b: 0, c: 0, d: 0 })).toEqual({ a: 0, b: 0, c: 0, d: 0 });
  });
});
