import { addDays } from "~/utils/dates";

import type { Rng } from "./random";

// How often each demo citizen logs in: a stable personal rhythm from the day
// the account starts, with its own variation, illness and holidays. The mix
// is set so METRICS.md's buckets land near Gentofte's 19/45/31/5 % on any
// reference date (the rhythm, not a quota counted back from today).
//
// - daily: most days (93 in 100);
// - weekly: every 1 to 5 days, so no 7-day stretch goes without;
// - fortnightly: every 10 to 13 days: always in each 14-day half, never in all four weeks;
// - rarely: every 4 to 10 weeks, or never again after the first day.
// Illness (a few days now and then) and a holiday a year break any rhythm,
// which moves some people down a bucket in the windows around it; the mix
// allows for that.

export type Persona = "daily" | "weekly" | "fortnightly" | "rarely";

/** Share of each persona among accounts (before breaks move some down a bucket). */
export const PERSONAS: readonly (readonly [Persona, number])[] = [
  ["daily", 0.245],
  ["weekly", 0.44],
  ["fortnightly", 0.275],
  ["rarely", 0.04],
];

/** The persona of the i-th account (by when it started): dealt like a quota, so every cohort has the mix. */
export function personaFor(i: number): Persona {
  let best = 0;
  const n = i + 1;
  // Deterministic deficit rule without state: recompute counts for the first i accounts.
  const dealt = dealtUpTo(i);
  for (let k = 1; k < PERSONAS.length; k++) if (PERSONAS[k]![1] * n - dealt[k]! > PERSONAS[best]![1] * n - dealt[best]!) best = k;
  return PERSONAS[best]![0];
}

const cache: number[][] = [[0, 0, 0, 0]];
function dealtUpTo(i: number): number[] {
  while (cache.length <= i) {
    const j = cache.length - 1;
    const prev = cache[j]!;
    const n = j + 1;
    let best = 0;
    for (let k = 1; k < PERSONAS.length; k++) if (PERSONAS[k]![1] * n - prev[k]! > PERSONAS[best]![1] * n - prev[best]!) best = k;
    cache.push(prev.map((c, k) => (k === best ? c + 1 : c)));
  }
  return cache[i]!;
}

/** The days (Danish, "YYYY-MM-DD") a person of this persona is active, from `since` to `until`. */
export function habitDays(r: Rng, persona: Persona, since: string, until: string): string[] {
  const days: string[] = [];
  // Breaks: illness about once a year, and one holiday a year on a day of the
  // person's own (not everyone in July, so no month looks different).
  const breaks = new Set<string>();
  const holiday = r.int(0, 364);
  for (let day = since, k = 0; day <= until; day = addDays(day, 1), k++) {
    if (r.chance(1 / 365)) for (let j = 0, n = r.int(3, 7); j < n; j++) breaks.add(addDays(day, j));
    if (k % 365 === holiday) for (let j = 0, n = r.int(7, 14); j < n; j++) breaks.add(addDays(day, j));
  }
  const never = persona === "rarely" && r.chance(0.3);
  days.push(since); // the day the account was made
  let next = addDays(since, gap(r, persona));
  for (let day = addDays(since, 1); day <= until; day = addDays(day, 1)) {
    if (breaks.has(day) || never) continue;
    if (persona === "daily") {
      if (r.chance(0.93)) days.push(day);
      continue;
    }
    if (day >= next) {
      days.push(day);
      next = addDays(day, gap(r, persona));
    }
  }
  return days;
}

function gap(r: Rng, persona: Persona): number {
  if (persona === "weekly") return r.int(1, 5);
  if (persona === "fortnightly") return r.int(10, 13);
  return r.int(28, 70);
}
