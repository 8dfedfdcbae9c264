import { toCsv } from "~/utils/csv";
import { addDays, formatDate, formatTime, localDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";
import { cellText, cellValue, isSmall, partitionCells, periodCount, singleCell } from "./disclosure";
import { COHORT_MONTHS, type Curve, CURVE_DAYS, loadEffect } from "./effect.server";
import { bucketLabels, countText, monthLabel, percentText, shortDayLabel, shortMonthLabel } from "./format";
import { activeUsersPerWeek, adoptionFunnel, frequencyBuckets, ledighedsSeries, platformResults } from "./metrics.server";
import { DEFAULT_WINDOW, type WindowDays } from "./windows";

export interface DashboardInput {
  reference?: string;
  window?: WindowDays;
  from?: string;
  to?: string;
  baseline?: string;
  /** Effekt reads every invitation and status (a second or more at 50,000 citizens): only when asked for. */
  effect?: boolean;
}

/** Everything "Statistik" shows, for the chosen reference day, period and baseline month. */
export async function loadDashboard(db: Db, input: DashboardInput, now = new Date()) {
  const today = localDate(now);
  const reference = input.reference && input.reference <= today ? input.reference : today;
  const { from, to } = resolvePeriod(input, now);
  const baseline = input.baseline ?? (await firstStatusMonth(db, today)) ?? from.slice(0, 7);
  const [frequency, adoption, series, weeks, results, effect] = await Promise.all([
    frequencyBuckets(db, reference, input.window ?? DEFAULT_WINDOW),
    adoptionFunnel(db, from, to),
    ledighedsSeries(db, baseline, to.slice(0, 7), today),
    activeUsersPerWeek(db, from, to),
    platformResults(db, from, to),
    input.effect ? loadEffect(db, now) : null,
  ]);
  const points = series.filter((p) => p.percent !== null);
  const change = points.length > 0 ? { fromMonth: points[0]!.month, from: points[0]!.percent!, to: points.at(-1)!.percent!, toMonth: points.at(-1)!.month } : null;
  return { today, computedAt: now.toISOString(), reference, from, to, baseline, frequency, adoption, series, change, weeks, results, effect };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;

/** The period the figures are summed over: the chosen one (never past today), by default the year up to today. */
export function resolvePeriod(input: Pick<DashboardInput, "from" | "to">, now = new Date()): { from: string; to: string } {
  const today = localDate(now);
  const to = input.to && input.to <= today ? input.to : today;
  return { from: input.from ?? `${addDays(to, -365).slice(0, 7)}-01`, to };
}

export const SHORTEST_STAFF_PERIOD_DAYS = 7;
export const PERIOD_TOO_SHORT = "Vælg en periode på mindst 7 dage.";

/**
 * Staff without the admin role choose periods of a week or more: a day's
 * figures are a handful of people. (Rounding takes care of overlapping periods.)
 */
export function periodTooShort(input: Pick<DashboardInput, "from" | "to">, isAdmin: boolean, now = new Date()): boolean {
  if (isAdmin) return false;
  const { from, to } = resolvePeriod(input, now);
  return to < addDays(from, SHORTEST_STAFF_PERIOD_DAYS - 1);
}

/** The first month with any employment status, capped at three years back. */
async function firstStatusMonth(db: Db, today: string): Promise<string | null> {
  const row = await db
    .selectFrom("employmentStatuses")
    .select((eb) => eb.fn.min("fromDate").as("first"))
    .executeTakeFirst();
  const first = row?.first ? String(row.first).slice(0, 7) : null;
  const floor = addDays(today, -3 * 365).slice(0, 7);
  return first && first < floor ? floor : first;
}

/**
 * Counts below 5 could point at a person: outside the admin role they are
 * removed from the data itself (null, shown as "< 5"), not only from the
 * screen, so the rule holds whatever a client renders (DESIGN.md rule 7);
 * and so is whatever they could be worked out from (stats/disclosure.ts).
 */
export function maskedCount(n: number, isAdmin: boolean): number | null {
  return cellValue(singleCell(n, isAdmin));
}

export function shownCount(n: number, isAdmin: boolean): string {
  return countText(maskedCount(n, isAdmin));
}

const BUCKETS = ["daily", "weekly", "fortnightly", "rarely"] as const;

/** The login-frequency groups as the viewer may see them: counts, and shares masked with their counts. */
function frequencyForViewer(d: Dashboard, isAdmin: boolean) {
  const counted = singleCell(d.frequency.counted, isAdmin);
  const cells = partitionCells(
    BUCKETS.map((b) => d.frequency.counts[b]),
    isAdmin,
  );
  const shares = Object.fromEntries(BUCKETS.map((b, i) => [b, "value" in counted && "value" in cells[i]! ? d.frequency.shares[b] : null])) as Record<
    (typeof BUCKETS)[number],
    number | null
  >;
  return { counted, cells, shares };
}

/** The adoption funnel, summed over the chosen period: rounded for staff, and its share from what is shown. */
function adoptionForViewer(d: Dashboard, isAdmin: boolean) {
  const invited = periodCount(d.adoption.invited, isAdmin);
  const accepted = periodCount(d.adoption.accepted, isAdmin);
  const published = periodCount(d.adoption.published, isAdmin);
  if (isAdmin) return { invited, accepted, published, adoption: d.adoption.adoption };
  const i = cellValue(invited);
  const p = cellValue(published);
  return { invited, accepted, published, adoption: i && p !== null ? Math.round((1000 * p) / i) / 10 : null };
}

/** A month's ledighedsprocent is masked with either count it is made of (it would give the other away). */
function ledighedForViewer(p: Dashboard["series"][number], isAdmin: boolean) {
  const ledig = singleCell(p.ledig, isAdmin);
  const iFleksjob = singleCell(p.iFleksjob, isAdmin);
  const percent = "value" in ledig && "value" in iFleksjob ? p.percent : null;
  return { ledig, iFleksjob, andet: singleCell(p.andet, isAdmin), percent };
}

/**
 * The dashboard as the page's loader sends it. Shares and medians computed
 * from a masked count are masked with it (METRICS.md).
 */
export function dashboardForViewer(d: Dashboard, isAdmin: boolean) {
  const frequency = frequencyForViewer(d, isAdmin);
  const adoption = adoptionForViewer(d, isAdmin);
  const series = d.series.map((p) => ({ month: p.month, percent: ledighedForViewer(p, isAdmin).percent }));
  const shown = series.filter((p) => p.percent !== null);
  const change = shown.length > 0 ? { fromMonth: shown[0]!.month, from: shown[0]!.percent!, to: shown.at(-1)!.percent!, toMonth: shown.at(-1)!.month } : null;
  return {
    reference: d.reference,
    window: d.frequency.windowDays,
    blockDays: d.frequency.blockDays,
    dailyMin: d.frequency.dailyMin,
    computedAt: d.computedAt,
    from: d.from,
    to: d.to,
    baseline: d.baseline,
    shares: frequency.shares,
    counted: cellValue(frequency.counted),
    windowStart: d.frequency.windowStart,
    adoption: adoption.adoption,
    funnel: {
      invited: cellValue(adoption.invited),
      accepted: cellValue(adoption.accepted),
      published: cellValue(adoption.published),
    },
    /** Period counts are rounded to the nearest 5 for staff without the admin role. */
    rounded: !isAdmin,
    change: change ? { ...change, fromLabel: monthLabel(change.fromMonth), toLabel: monthLabel(change.toMonth) } : null,
    series: series.map((p) => ({ label: shortMonthLabel(p.month), value: p.percent })),
    weeks: d.weeks.map((w) => ({ label: shortDayLabel(w.week), value: maskedCount(w.users, isAdmin) })),
    effect: d.effect
      ? {
          withProfile: curveForViewer(d.effect.withProfile, isAdmin),
          withoutProfile: curveForViewer(d.effect.withoutProfile, isAdmin),
        }
      : null,
  };
}

/**
 * A time-to-job curve as the viewer may see it, at CURVE_DAYS (0 first). For
 * staff a point is masked when fewer than 5 are followed then, or when 1–4
 * had found a job by then (the share would give the count away).
 */
function curveForViewer(curve: Curve, isAdmin: boolean) {
  const shown = (p: Curve["at"][number]) => isAdmin || (curve.people >= 5 && p.atRisk >= 5 && !isSmall(p.jobs));
  return {
    people: cellValue(singleCell(curve.people, isAdmin)),
    points: [{ day: 0, value: curve.people > 0 && (isAdmin || curve.people >= 5) ? 0 : null }, ...curve.at.map((p) => ({ day: p.day, value: shown(p) ? p.inJob : null }))],
  };
}

/** The tables behind each chart, as rows for the page and the CSV downloads. */
export function dashboardTables(d: Dashboard, isAdmin: boolean) {
  const frequency = frequencyForViewer(d, isAdmin);
  const adoption = adoptionForViewer(d, isAdmin);
  const period = (n: number) => cellText(periodCount(n, isAdmin));
  const r = d.results;
  return {
    frekvens: {
      title: `Hvor ofte fleksjobberne logger på (${d.frequency.windowDays} dage til ${d.reference})`,
      header: ["Gruppe", "Antal", "Andel"],
      rows: BUCKETS.map((b, i) => [bucketLabels[b], cellText(frequency.cells[i]!), percentText(frequency.shares[b])]),
    },
    tilslutning: {
      title: `Tilslutning: inviterede ${d.from} til ${d.to}`,
      header: ["Trin", "Antal"],
      rows: [
        ["Inviteret", cellText(adoption.invited)],
        ["Har oprettet konto", cellText(adoption.accepted)],
        ["Har offentliggjort en profil", cellText(adoption.published)],
      ],
    },
    ledighed: {
      title: "Ledighedsprocent ved hver månedsafslutning (indeværende måned: i dag)",
      header: ["Måned", "Ledige", "I fleksjob", "Andet", "Ledighedsprocent"],
      rows: d.series.map((p) => {
        const shown = ledighedForViewer(p, isAdmin);
        return [p.month, cellText(shown.ledig), cellText(shown.iFleksjob), cellText(shown.andet), percentText(shown.percent)];
      }),
    },
    aktive: {
      title: `Aktive fleksjobbere pr. uge, ${d.from} til ${d.to}`,
      header: ["Uge (mandag)", "Aktive fleksjobbere"],
      rows: d.weeks.map((w) => [w.week, shownCount(w.users, isAdmin)]),
    },
    ...effectTables(d.effect, isAdmin),
    resultater: {
      title: `Resultater fra platformen, ${d.from} til ${d.to}`,
      header: ["Resultat", "Antal"],
      rows: [
        ["Forespørgsler fra virksomheder", period(r.contactRequestsSent)],
        ["… heraf sagt ja til", period(r.contactRequestsAccepted)],
        ["Interesse for opslag", period(r.interestsSent)],
        ["Samtaler startet", period(r.threadsStarted)],
        ["Ansættelser via platformen (bekræftet)", period(r.hiresViaPlatform)],
        ["Dage fra profil til første ansættelse (median)", medianText(r, isAdmin)],
        ["Tilmeldinger til arrangementer", period(r.eventRegistrations)],
        ["… heraf mødt op", period(r.eventAttendance)],
      ],
    },
  };
}

/** Effekt's two tables (empty until it is asked for). */
function effectTables(effect: Dashboard["effect"], isAdmin: boolean) {
  const period = (n: number) => cellText(periodCount(n, isAdmin));
  const curves = effect ? { a: curveForViewer(effect.withProfile, isAdmin), b: curveForViewer(effect.withoutProfile, isAdmin) } : null;
  return {
    effekt: {
      title: "Effekt: hvad skete der med dem, der blev inviteret (efter måned for invitationen)",
      header: ["Inviteret i", "Inviteret", "Har lavet en profil", ...COHORT_MONTHS.map((m) => `I job efter ${m} mdr.`)],
      rows: (effect?.cohorts ?? []).map((c) => [c.month, period(c.invited), period(c.profile), ...COHORT_MONTHS.map((m) => (c.inJob[m] === null ? "–" : period(c.inJob[m])))]),
    },
    effekttid: {
      title: `Tid fra invitation til første job (Kaplan–Meier)${effect ? `, opgjort ${effect.today}` : ""}`,
      header: ["Dage efter invitationen", "Med profil: andel i job", "Med profil: følges stadig", "Uden profil: andel i job", "Uden profil: følges stadig"],
      rows:
        effect && curves
          ? CURVE_DAYS.map((day, i) => {
              const atRisk = (c: Curve) => cellText(singleCell(c.at[i]!.atRisk, isAdmin));
              return [
                String(day),
                percentText(curves.a.points[i + 1]!.value),
                atRisk(effect.withProfile),
                percentText(curves.b.points[i + 1]!.value),
                atRisk(effect.withoutProfile),
              ];
            })
          : [],
    },
  };
}

/** The median is masked whenever a count it rests on is (fewer than 5 people, or fewer than 5 hires shown as "< 5"). */
function medianText(r: Dashboard["results"], isAdmin: boolean): string {
  if (r.medianDaysToFirstHire === null) return "–";
  const masked = maskedCount(r.medianBasedOn, isAdmin) === null || maskedCount(r.hiresViaPlatform, isAdmin) === null;
  return masked ? "< 5 ansættelser" : String(r.medianDaysToFirstHire);
}

/** One table as CSV, ending with when it was computed (so a printed figure can be traced). */
export function tableCsv(d: Dashboard, key: TableKey, isAdmin: boolean): string {
  const table = dashboardTables(d, isAdmin)[key];
  return toCsv(table.header, [...table.rows, [], [table.title], ["Beregnet", `${formatDate(d.computedAt)} kl. ${formatTime(d.computedAt)} (dansk tid)`]]);
}

export type TableKey = keyof ReturnType<typeof dashboardTables>;
export const TABLE_KEYS: TableKey[] = ["frekvens", "tilslutning", "ledighed", "aktive", "resultater", "effekt", "effekttid"];
