import { type ExpressionBuilder, type RawBuilder, sql } from "kysely";

import { addDays, danishDaysToUtc, dayOfYear, daysInYear, localDate } from "~/utils/dates";

import { type Db, inTransaction } from "../../db/kysely";
import type { Database, EmploymentStatusValue, UserTable } from "../../db/schema";
import { weekOf } from "./activity.server";
import { sharesOf } from "./shares";
import type { WindowDays } from "./windows";

// The formulas of docs/brief/METRICS.md, each one SQL aggregate over the raw rows
// (login frequency over activity_years, the trigger-kept roll-up of ActivityDay).
// Days are Danish calendar days ("YYYY-MM-DD"); ActivityDay rows are already
// stored as Danish days, so summer time is settled when activity is written.

export type Bucket = "daily" | "weekly" | "fortnightly" | "rarely";
export const BUCKETS = ["daily", "weekly", "fortnightly", "rarely"] as const satisfies readonly Bucket[];

export interface FrequencyResult {
  reference: string;
  windowDays: WindowDays;
  /** A quarter of the window; the halves are two blocks each. */
  blockDays: number;
  /** Days a "daily" user is active in every block. */
  dailyMin: number;
  windowStart: string;
  counted: number;
  counts: Record<Bucket, number>;
  /** Shares in % (one decimal), by largest remainder: they sum to exactly 100 when anyone is counted. */
  shares: Record<Bucket, number>;
}

/**
 * Login frequency buckets for the window of `windowDays` ending with the
 * reference day: four blocks of a quarter and two halves of the window, and
 * "daily" as at least 5 of every 7 days of each block (5 in a 7-day block, 10
 * in a 14-day one, 15 in a 21-day one). Counted: active flexjobber accounts
 * that existed for the whole window (created before it began).
 */
export async function frequencyBuckets(db: Db, reference: string, windowDays: WindowDays = 28): Promise<FrequencyResult> {
  const block = windowDays / 4;
  const dailyMin = dailyDaysPerBlock(block);
  const start = addDays(reference, -(block * 4 - 1));
  const { start: windowStartUtc, end: windowEndUtc } = danishDaysToUtc(start, reference);
  // "Had the account during the whole window": the account exists from when its first invitation was used
  // (or the user row was made, for seeded accounts), at the latest when the window's first Danish day began.
  // Written to look up invitations only for the few who joined recently (an index on used_at), not for everyone.
  const usedBefore = (eb: ExpressionBuilder<Database & { u: UserTable }, "u">) =>
    eb.exists(eb.selectFrom("invitations as i").select("i.id").whereRef("i.userId", "=", "u.id").where("i.usedAt", "<=", windowStartUtc));
  const hadAccount = (eb: ExpressionBuilder<Database & { u: UserTable }, "u">) =>
    eb.or([
      // Made before the window and no invitation used since: most people, and no lookup per person.
      eb.and([
        eb("u.createdAt", "<=", windowStartUtc),
        eb.not(
          eb(
            "u.id",
            "in",
            eb.selectFrom("invitations as j").select("j.userId").where("j.usedAt", ">", windowStartUtc).where("j.userId", "is not", null).$narrowType<{ userId: string }>(),
          ),
        ),
      ]),
      usedBefore(eb),
    ]);
  // Active days per block, counted in the roll-up (activity_years: one character per day, '1' active):
  // a block's days are at most two runs of characters, one per year it touches.
  const [y0, y1] = [Number(start.slice(0, 4)), Number(reference.slice(0, 4))];
  const activeIn = (from: string, days: number) => {
    const runs: RawBuilder<number>[] = [];
    for (let d = 0; d < days;) {
      const day = addDays(from, d);
      const year = Number(day.slice(0, 4));
      const first = dayOfYear(day);
      const n = Math.min(days - d, daysInYear(year) - first + 1);
      const column = sql.ref(year === y0 ? "y0.days" : "y1.days");
      runs.push(sql<number>`coalesce(${n} - length(replace(substr(${column}, ${first}, ${n}), '1', '')), 0)`);
      d += n;
    }
    return sql<number>`(${sql.join(runs, sql` + `)})`;
  };
  const b = [0, 1, 2, 3].map((i) => activeIn(addDays(start, i * block), block));
  const firstYear = db.selectFrom("users as u").leftJoin("activityYears as y0", (join) => join.onRef("y0.userId", "=", "u.id").on("y0.year", "=", y0));
  // A window inside one year reads one row per person; one across New Year, two.
  const perPerson = (y1 === y0 ? firstYear : firstYear.leftJoin("activityYears as y1", (join) => join.onRef("y1.userId", "=", "u.id").on("y1.year", "=", y1)))
    .select([b[0].as("b0"), b[1].as("b1"), b[2].as("b2"), b[3].as("b3")])
    .where("u.role", "=", "flexjobber")
    // Erased after the window still counts for it: erasure must not rewrite past statistics.
    .where((eb) => eb.or([eb("u.status", "=", "active"), eb.and([eb("u.status", "=", "erased"), eb("u.erasedAt", ">=", windowEndUtc)])]))
    .where(hadAccount);
  // Materialized, so each block is counted once per person (inlined, the CASE would count it again per test).
  const rows = await db
    .with(
      (cte) => cte("blocks").materialized(),
      () => perPerson,
    )
    .selectFrom("blocks")
    .select([
      sql<Bucket>`case
        when b0 >= ${dailyMin} and b1 >= ${dailyMin} and b2 >= ${dailyMin} and b3 >= ${dailyMin} then 'daily'
        when b0 >= 1 and b1 >= 1 and b2 >= 1 and b3 >= 1 then 'weekly'
        when b0 + b1 >= 1 and b2 + b3 >= 1 then 'fortnightly'
        else 'rarely' end`.as("bucket"),
      (eb) => eb.fn.countAll<number>().as("n"),
    ])
    .groupBy("bucket")
    .execute();
  const counts: Record<Bucket, number> = { daily: 0, weekly: 0, fortnightly: 0, rarely: 0 };
  for (const r of rows) counts[r.bucket] = r.n;
  const counted = BUCKETS.reduce((s, b) => s + counts[b], 0);
  const shares = sharesOf(BUCKETS, counts);
  return { reference, windowDays, blockDays: block, dailyMin, windowStart: start, counted, counts, shares };
}

/** "At least 5 days a week", for a block of any length. */
export function dailyDaysPerBlock(blockDays: number): number {
  return Math.ceil((5 * blockDays) / 7);
}

export interface AdoptionResult {
  from: string;
  to: string;
  invited: number;
  accepted: number;
  published: number;
  /** published ÷ invited, in % (one decimal), or null when nobody was invited. */
  adoption: number | null;
}

/** Flexjobber invitations sent in the period (Danish days, both included), not revoked → accounts → published profiles. */
export async function adoptionFunnel(db: Db, from: string, to: string): Promise<AdoptionResult> {
  const row = await db
    .selectFrom("invitations as i")
    .leftJoin("profiles as p", "p.userId", "i.userId")
    .select((eb) => [
      eb.fn.countAll<number>().as("invited"),
      eb.fn.count<number>("i.usedAt").as("accepted"),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb("i.usedAt", "is not", null), eb("p.firstPublishedAt", "is not", null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as("published"),
    ])
    .where("i.role", "=", "flexjobber")
    .where("i.revokedAt", "is", null)
    .where("i.createdAt", ">=", danishDaysToUtc(from, to).start)
    .where("i.createdAt", "<", danishDaysToUtc(from, to).end)
    .executeTakeFirstOrThrow();
  const published = row.published ?? 0;
  return { from, to, invited: row.invited, accepted: row.accepted, published, adoption: row.invited ? Math.round((1000 * published) / row.invited) / 10 : null };
}

export interface UnemploymentPoint {
  day: string;
  ledig: number;
  iFleksjob: number;
  andet: number;
  /** ledig ÷ (ledig + i_fleksjob) × 100, one decimal; null with nobody in the labour force. */
  percent: number | null;
}

/** Ledighedsprocent on a day: each flexjobber's latest status from on or before the day. */
export async function ledighedsprocent(db: Db, day: string): Promise<UnemploymentPoint> {
  return (await ledighedsprocentOn(db, [day]))[0]!;
}

/**
 * The same for many days, from the ledighed_days cache; days missing or
 * marked stale (a status on or before them changed) are counted again from
 * the raw rows and stored, under the write lock so no change slips between.
 */
export async function ledighedsprocentOn(db: Db, days: string[]): Promise<UnemploymentPoint[]> {
  if (days.length === 0) return [];
  const counts = await inTransaction(db, async (trx) => {
    const cached = await trx.selectFrom("ledighedDays").select(["day", "ledig", "iFleksjob", "andet"]).where("day", "in", days).where("fresh", "=", 1).execute();
    const known = new Map(cached.map((c) => [c.day, { ledig: c.ledig, i_fleksjob: c.iFleksjob, andet: c.andet }]));
    const missing = days.filter((d) => !known.has(d));
    if (missing.length > 0) {
      for (const [day, c] of await countStatusesOn(trx, missing)) {
        known.set(day, c);
        const row = { ledig: c.ledig, iFleksjob: c.i_fleksjob, andet: c.andet, fresh: 1 };
        await trx
          .insertInto("ledighedDays")
          .values({ day, ...row })
          .onConflict((oc) => oc.column("day").doUpdateSet(row))
          .execute();
      }
    }
    return known;
  });
  return days.map((day) => {
    const c = counts.get(day)!;
    const ledig = c.ledig;
    const iFleksjob = c.i_fleksjob;
    return { day, ledig, iFleksjob, andet: c.andet, percent: ledig + iFleksjob ? Math.round((1000 * ledig) / (ledig + iFleksjob)) / 10 : null };
  });
}

/**
 * Each flexjobber's status on each day, counted from the raw rows: each
 * status row holds from its from-date until the person's next row (a later
 * row on the same date wins). One ordered read of the history, then one pass
 * per person over the sorted days; faster than a window function joined to
 * every day, and the same rule.
 */
export async function countStatusesOn(db: Db, days: string[]): Promise<Map<string, Record<EmploymentStatusValue, number>>> {
  const sorted = [...new Set(days)].sort();
  const rows = await db
    .selectFrom("employmentStatuses as s")
    .innerJoin("users as u", "u.id", "s.userId")
    .select(["s.userId", "s.status", "s.fromDate"])
    .where("u.role", "=", "flexjobber")
    .orderBy("s.userId")
    .orderBy("s.fromDate")
    .orderBy("s.id")
    .execute();
  const counts = new Map(sorted.map((d) => [d, { ledig: 0, i_fleksjob: 0, andet: 0 }]));
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j < rows.length && rows[j]!.userId === rows[i]!.userId) j++;
    // rows[i..j) is one person's history, oldest first.
    let k = i - 1;
    for (const day of sorted) {
      while (k + 1 < j && rows[k + 1]!.fromDate <= day) k++;
      if (k >= i) counts.get(day)![rows[k]!.status] += 1;
    }
    i = j;
  }
  return counts;
}

/** Last day of each month from `fromMonth` to `toMonth` ("YYYY-MM"), the current month ending on `today`. */
export function monthEnds(fromMonth: string, toMonth: string, today: string): { month: string; day: string }[] {
  const out: { month: string; day: string }[] = [];
  let [y, m] = fromMonth.split("-").map(Number) as [number, number];
  const [ty, tm] = toMonth.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ month, day: last < today ? last : today });
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out.filter((p) => p.month <= today.slice(0, 7));
}

export async function ledighedsSeries(db: Db, fromMonth: string, toMonth: string, today: string): Promise<(UnemploymentPoint & { month: string })[]> {
  const ends = monthEnds(fromMonth, toMonth, today);
  const points = await ledighedsprocentOn(
    db,
    ends.map((e) => e.day),
  );
  return ends.map((e, i) => ({ month: e.month, ...points[i]! }));
}

/**
 * Distinct active flexjobbers per week (Monday to Sunday) in the period,
 * counted from the raw rows (ActivityDay's weekly roll-up, kept in the same
 * insert). Counted like the frequency buckets: active accounts, and an erased
 * account for the weeks that ended before it was erased, so an erasure never
 * rewrites past weeks. Weeks with nobody active are left out.
 *
 * Each week's count is cached in weekly_active_counts; triggers mark a week
 * stale when a row behind it changes (migration 0018), and stale weeks are
 * counted again here, in one transaction with the write.
 */
export async function activeUsersPerWeek(db: Db, from: string, to: string): Promise<{ week: string; users: number }[]> {
  const first = weekOf(from);
  return inTransaction(db, async (trx) => {
    const stale = await trx.selectFrom("weeklyActiveCounts").select("week").where("week", ">=", first).where("week", "<=", to).where("fresh", "=", 0).execute();
    if (stale.length > 0) {
      const counted = await countActiveWeeks(
        trx,
        stale.map((w) => w.week),
      );
      for (const week of stale.map((w) => w.week)) {
        await trx
          .updateTable("weeklyActiveCounts")
          .set({ flexjobbers: counted.get(week) ?? 0, fresh: 1 })
          .where("week", "=", week)
          .execute();
      }
    }
    const rows = await trx
      .selectFrom("weeklyActiveCounts")
      .select(["week", "flexjobbers"])
      .where("week", ">=", first)
      .where("week", "<=", to)
      .where("flexjobbers", ">", 0)
      .orderBy("week")
      .execute();
    return rows.map((r) => ({ week: r.week, users: r.flexjobbers }));
  });
}

/** The raw-row count behind activeUsersPerWeek, for the given Mondays. */
export async function countActiveWeeks(db: Db, weeks: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < weeks.length; i += 200) {
    const batch = weeks.slice(i, i + 200);
    const weekRows = sql.join(
      batch.map((week) => sql`select ${week} as week, ${danishDaysToUtc(addDays(week, 6)).end} as ends`),
      sql` union all `,
    );
    const rows = await sql<{ week: string; users: number }>`
      with weeks as (${weekRows})
      select w.week, count(*) as users
      from weeks w
      join activity_weeks aw on aw.week = w.week
      join users u on u.id = aw.user_id and u.role = 'flexjobber'
        and (u.status = 'active' or (u.status = 'erased' and u.erased_at >= w.ends))
      group by w.week`.execute(db);
    for (const r of rows.rows) out.set(r.week, Number(r.users));
  }
  return out;
}

export interface PlatformResults {
  contactRequestsSent: number;
  contactRequestsAccepted: number;
  interestsSent: number;
  /** Conversations opened in the period (a thread counts on the day it was created). */
  threadsStarted: number;
  hiresViaPlatform: number;
  medianDaysToFirstHire: number | null;
  /** How many people the median is based on (masked with it below 5). */
  medianBasedOn: number;
  eventRegistrations: number;
  eventAttendance: number;
}

/** Results from the platform in the period (Danish days, both included). */
export async function platformResults(db: Db, from: string, to: string): Promise<PlatformResults> {
  const { start: fromUtc, end: toUtc } = danishDaysToUtc(from, to);
  const [requests, interests, threads, hires, events, median] = await Promise.all([
    db
      .selectFrom("contactRequests")
      .select((eb) => [eb.fn.countAll<number>().as("sent"), eb.fn.sum<number>(eb.case().when("status", "=", "accepted").then(1).else(0).end()).as("accepted")])
      .where("createdAt", ">=", fromUtc)
      .where("createdAt", "<", toUtc)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("interests")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("createdAt", ">=", fromUtc)
      .where("createdAt", "<", toUtc)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("threads")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("createdAt", ">=", fromUtc)
      .where("createdAt", "<", toUtc)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("employmentStatuses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("source", "=", "platform")
      .where("status", "=", "i_fleksjob")
      .where("fromDate", ">=", from)
      .where("fromDate", "<=", to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("eventRegistrations as r")
      .innerJoin("events as e", "e.id", "r.eventId")
      .select((eb) => [eb.fn.countAll<number>().as("registrations"), eb.fn.sum<number>(eb.case().when("r.attended", "=", 1).then(1).else(0).end()).as("attended")])
      .where("r.status", "=", "registered")
      .where("e.cancelledAt", "is", null)
      .where("e.startsAt", ">=", fromUtc)
      .where("e.startsAt", "<", toUtc)
      .executeTakeFirstOrThrow(),
    medianDaysToFirstHire(db, from, to),
  ]);
  return {
    contactRequestsSent: requests.sent,
    contactRequestsAccepted: requests.accepted ?? 0,
    interestsSent: interests.n,
    threadsStarted: threads.n,
    hiresViaPlatform: hires.n,
    medianDaysToFirstHire: median.days,
    medianBasedOn: median.people,
    eventRegistrations: events.registrations,
    eventAttendance: events.attended ?? 0,
  };
}

/**
 * Median of (first platform hire day − first publication day) in Danish
 * calendar days, for people whose first platform hire falls in the period.
 * A publication at 00:30 Danish time is dated that Danish day (not the UTC
 * day before), so the day count is done here, not in SQL. `people` is how
 * many the median is based on (it is masked like that count).
 */
async function medianDaysToFirstHire(db: Db, from: string, to: string): Promise<{ days: number | null; people: number }> {
  const rows = await db
    .selectFrom("employmentStatuses as s")
    .innerJoin("profiles as p", "p.userId", "s.userId")
    .select((eb) => [eb.fn.min<string>("s.fromDate").as("hired"), eb.fn.max<string>("p.firstPublishedAt").as("published")])
    .where("s.source", "=", "platform")
    .where("s.status", "=", "i_fleksjob")
    .where("p.firstPublishedAt", "is not", null)
    .groupBy("s.userId")
    .having((eb) => eb.and([eb(eb.fn.min("s.fromDate"), ">=", from), eb(eb.fn.min("s.fromDate"), "<=", to)]))
    .execute();
  const spans = rows.map((r) => daysBetween(localDate(new Date(r.published)), r.hired)).sort((a, b) => a - b);
  return { days: median(spans), people: spans.length };
}

/** Whole calendar days from one "YYYY-MM-DD" to another (negative when `to` comes first). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The middle value (mean of the two middle ones, rounded), or null for none. */
export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Forgets the cached counts (ledighed per day, active flexjobbers per week): the next read counts them from the raw rows. */
export async function forgetCachedCounts(db: Db): Promise<void> {
  await db.deleteFrom("ledighedDays").execute();
  await db.updateTable("weeklyActiveCounts").set({ fresh: 0 }).execute();
}
