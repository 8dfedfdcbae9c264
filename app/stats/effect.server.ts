import { localDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";

// "Effekt" on Statistik: what happened to the people who
// were invited. Read from the invitations, the profiles and the employment
// status history, the rows Statistik already counts (METRICS.md style):
// - cohorts by month of invitation: invited, created a profile (published
//   once), and in a job (status i_fleksjob) 3, 6 and 12 months later;
// - time from invitation to the first job as a Kaplan–Meier curve, for those
//   who created a profile and for those who did not. People still looking are
//   censored at today, or at their erasure. Those already in a job when
//   invited are left out of the curve. It is not a controlled comparison.

export const COHORT_MONTHS = [3, 6, 12] as const;
/** The curve is read at these days after the invitation (the table beside the chart). */
export const CURVE_DAYS = [30, 90, 180, 365] as const;

interface Person {
  invitedDay: string;
  profile: boolean;
  /** Status history, oldest first. */
  statuses: { fromDate: string; status: string }[];
  /** The last day the person can be followed: today, or the day of erasure. */
  lastDay: string;
}

export interface CurvePoint {
  day: number;
  /** Share in a job by this day, in % with one decimal (1 − S(t)). */
  inJob: number;
  /** People still followed (at risk) on this day. */
  atRisk: number;
}

export interface Curve {
  people: number;
  events: number;
  points: CurvePoint[];
  /** At each of CURVE_DAYS: the share in a job, how many had found one, and how many were still followed. */
  at: { day: number; inJob: number; jobs: number; atRisk: number }[];
}

function statusOn(p: Person, day: string): string | null {
  let current: string | null = null;
  for (const s of p.statuses) if (s.fromDate <= day) current = s.status;
  return current;
}

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, 12));
  // The same day of the month, or the month's last day (31 January + 1 month = 28/29 February).
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/** Kaplan–Meier: S(t) = Π (1 − d/n) over the days with a first job; a point at each of them. */
export function kaplanMeier(times: { days: number; event: boolean }[]): Curve {
  const sorted = [...times].sort((a, b) => a.days - b.days);
  let atRisk = sorted.length;
  let survival = 1;
  const points: CurvePoint[] = [];
  for (let i = 0; i < sorted.length;) {
    const day = sorted[i]!.days;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && sorted[i]!.days === day) {
      if (sorted[i]!.event) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      points.push({ day, inJob: Math.round((1 - survival) * 1000) / 10, atRisk });
    }
    atRisk -= leaving;
  }
  const curve = { people: sorted.length, events: sorted.filter((t) => t.event).length, points, at: [] as Curve["at"] };
  curve.at = CURVE_DAYS.map((day) => ({
    day,
    inJob: curveAt(curve, day),
    jobs: sorted.filter((t) => t.event && t.days <= day).length,
    atRisk: sorted.filter((t) => t.days >= day).length,
  }));
  return curve;
}

/** The curve's value at a day: the last step at or before it (0 before the first job). */
export function curveAt(curve: Pick<Curve, "points">, day: number): number {
  let value = 0;
  for (const p of curve.points) if (p.day <= day) value = p.inJob;
  return value;
}

async function invitedPeople(db: Db, now: Date): Promise<Person[]> {
  const today = localDate(now);
  // Each person once: the first invitation to their address that was not taken back.
  const invitations = await db
    .selectFrom("invitations as i")
    .select(["i.email", "i.createdAt", "i.userId"])
    .where("i.role", "=", "flexjobber")
    .where("i.revokedAt", "is", null)
    .orderBy("i.createdAt")
    .execute();
  const first = new Map<string, { createdAt: string; userId: string | null }>();
  for (const inv of invitations) if (!first.has(inv.email)) first.set(inv.email, inv);
  // The person behind an address: the account it became, or the citizen staff registered.
  // Whole-table reads (one pass each), not lists of ids: a municipality has tens of thousands.
  const citizens = await db.selectFrom("users").select(["id", "email", "erasedAt"]).where("role", "=", "flexjobber").execute();
  const byEmail = new Map(citizens.map((u) => [u.email, u]));
  const erasedAt = new Map(citizens.map((u) => [u.id, u.erasedAt]));
  const people = [...first.entries()].map(([email, inv]) => ({ id: inv.userId ?? byEmail.get(email)?.id ?? null, invitedDay: localDate(new Date(inv.createdAt)) }));
  const published = new Set((await db.selectFrom("profiles").select("userId").where("firstPublishedAt", "is not", null).execute()).map((p) => p.userId));
  const statuses = new Map<string, { fromDate: string; status: string }[]>();
  for (const r of await db.selectFrom("employmentStatuses").select(["userId", "fromDate", "status"]).orderBy("userId").orderBy("fromDate").orderBy("id").execute()) {
    const list = statuses.get(r.userId);
    if (list) list.push({ fromDate: r.fromDate, status: r.status });
    else statuses.set(r.userId, [{ fromDate: r.fromDate, status: r.status }]);
  }
  return people
    .filter((p) => p.invitedDay <= today)
    .map((p) => {
      const erased = p.id ? erasedAt.get(p.id) : null;
      const erasedDay = erased ? localDate(new Date(erased)) : null;
      return {
        invitedDay: p.invitedDay,
        profile: p.id ? published.has(p.id) : false,
        statuses: p.id ? (statuses.get(p.id) ?? []) : [],
        lastDay: erasedDay && erasedDay < today ? erasedDay : today,
      };
    });
}

export interface CohortRow {
  month: string;
  invited: number;
  profile: number;
  /** In a job n months after the invitation; null while that day is still to come for someone in the cohort. */
  inJob: Record<(typeof COHORT_MONTHS)[number], number | null>;
}

/** The cohorts and the two curves, for the invitations up to today. */
export async function loadEffect(db: Db, now = new Date()) {
  const today = localDate(now);
  const people = await invitedPeople(db, now);
  const cohorts = new Map<string, Person[]>();
  for (const p of people) {
    const month = p.invitedDay.slice(0, 7);
    const group = cohorts.get(month);
    if (group) group.push(p);
    else cohorts.set(month, [p]);
  }
  const rows: CohortRow[] = [...cohorts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, group]) => {
      const inJob = Object.fromEntries(
        COHORT_MONTHS.map((m) => {
          // Only once the day has come for everyone in the cohort (and within the time each can be followed).
          if (group.some((p) => addMonths(p.invitedDay, m) > today)) return [m, null];
          return [m, group.filter((p) => addMonths(p.invitedDay, m) <= p.lastDay && statusOn(p, addMonths(p.invitedDay, m)) === "i_fleksjob").length];
        }),
      ) as CohortRow["inJob"];
      return { month, invited: group.length, profile: group.filter((p) => p.profile).length, inJob };
    });
  const curve = (withProfile: boolean) =>
    kaplanMeier(
      people
        .filter((p) => p.profile === withProfile && statusOn(p, p.invitedDay) !== "i_fleksjob")
        .map((p) => {
          const job = p.statuses.find((s) => s.status === "i_fleksjob" && s.fromDate > p.invitedDay && s.fromDate <= p.lastDay);
          return job ? { days: daysBetween(p.invitedDay, job.fromDate), event: true } : { days: daysBetween(p.invitedDay, p.lastDay), event: false };
        }),
    );
  return { today, cohorts: rows, withProfile: curve(true), withoutProfile: curve(false) };
}

export type Effect = Awaited<ReturnType<typeof loadEffect>>;
