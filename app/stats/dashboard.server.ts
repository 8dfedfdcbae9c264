import type { Db } from "../../db/kysely";
import { addDays, formatDate, formatTime, localDate } from "~/utils/dates";
import { toCsv } from "~/utils/csv";
import { bucketLabels, countText, monthLabel } from "./format";
import { DEFAULT_WINDOW, type WindowDays } from "./windows";
import { activeUsersPerWeek, adoptionFunnel, frequencyBuckets, ledighedsSeries, platformResults } from "./metrics.server";

export interface DashboardInput {
  reference?: string;
  window?: WindowDays;
  from?: string;
  to?: string;
  baseline?: string;
}

/** Everything "Statistik" shows, for the chosen reference day, period and baseline month. */
export async function loadDashboard(db: Db, input: DashboardInput, now = new Date()) {
  const today = localDate(now);
  const reference = input.reference && input.reference <= today ? input.reference : today;
  const to = input.to && input.to <= today ? input.to : today;
  const from = input.from ?? `${addDays(to, -365).slice(0, 7)}-01`;
  const baseline = input.baseline ?? (await firstStatusMonth(db, today)) ?? from.slice(0, 7);
  const [frequency, adoption, series, weeks, results] = await Promise.all([
    frequencyBuckets(db, reference, input.window ?? DEFAULT_WINDOW),
    adoptionFunnel(db, from, to),
    ledighedsSeries(db, baseline, to.slice(0, 7), today),
    activeUsersPerWeek(db, from, to),
    platformResults(db, from, to),
  ]);
  const points = series.filter((p) => p.percent !== null);
  const change = points.length > 0 ? { fromMonth: points[0]!.month, from: points[0]!.percent!, to: points.at(-1)!.percent!, toMonth: points.at(-1)!.month } : null;
  return { today, computedAt: now.toISOString(), reference, from, to, baseline, frequency, adoption, series, change, weeks, results };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;

/** The first month with any employment status, capped at three years back. */
async function firstStatusMonth(db: Db, today: string): Promise<string | null> {
  const row = await db.selectFrom("employmentStatuses").select((eb) => eb.fn.min("fromDate").as("first")).executeTakeFirst();
  const first = row?.first ? String(row.first).slice(0, 7) : null;
  const floor = addDays(today, -3 * 365).slice(0, 7);
  return first && first < floor ? floor : first;
}

/**
 * Counts below 5 could point at a person: outside the admin role they are
 * removed from the data itself (null, shown as "< 5"), not only from the
 * screen, so the rule holds whatever a client renders (DESIGN.md rule 7).
 */
export function maskedCount(n: number, isAdmin: boolean): number | null {
  return !isAdmin && n > 0 && n < 5 ? null : n;
}

export function shownCount(n: number, isAdmin: boolean): string {
  return countText(maskedCount(n, isAdmin));
}


/**
 * The dashboard as the page's loader sends it. Shares and medians computed
 * from a masked count are masked with it (METRICS.md).
 */
export function dashboardForViewer(d: Dashboard, isAdmin: boolean) {
  const counted = maskedCount(d.frequency.counted, isAdmin);
  const shares = Object.fromEntries(
    Object.entries(d.frequency.shares).map(([bucket, share]) => [bucket, counted === null ? null : share]),
  ) as Record<keyof Dashboard["frequency"]["shares"], number | null>;
  return {
    reference: d.reference,
    window: d.frequency.windowDays,
    blockDays: d.frequency.blockDays,
    dailyMin: d.frequency.dailyMin,
    computedAt: d.computedAt,
    from: d.from,
    to: d.to,
    baseline: d.baseline,
    shares,
    counted,
    windowStart: d.frequency.windowStart,
    adoption: maskedCount(d.adoption.invited, isAdmin) === null ? null : d.adoption.adoption,
    funnel: {
      invited: maskedCount(d.adoption.invited, isAdmin),
      accepted: maskedCount(d.adoption.accepted, isAdmin),
      published: maskedCount(d.adoption.published, isAdmin),
    },
    change: d.change ? { ...d.change, fromLabel: monthLabel(d.change.fromMonth), toLabel: monthLabel(d.change.toMonth) } : null,
    series: d.series.map((p) => ({ label: p.month.slice(2).replace("-", "/"), value: p.percent })),
    weeks: d.weeks.map((w) => ({ label: w.week.slice(5), value: maskedCount(w.users, isAdmin) })),
  };
}

/** The tables behind each chart, as rows for the page and the CSV downloads. */
export function dashboardTables(d: Dashboard, isAdmin: boolean) {
  const pct = (v: number | null) => (v === null ? "" : `${String(v).replace(".", ",")} %`);
  return {
    frekvens: {
      title: `Hvor ofte fleksjobberne logger på (${d.frequency.windowDays} dage til ${d.reference})`,
      header: ["Gruppe", "Antal", "Andel"],
      rows: (["daily", "weekly", "fortnightly", "rarely"] as const).map((b) => [bucketLabels[b], shownCount(d.frequency.counts[b], isAdmin), pct(d.frequency.shares[b])]),
    },
    tilslutning: {
      title: `Tilslutning: inviterede ${d.from} til ${d.to}`,
      header: ["Trin", "Antal"],
      rows: [
        ["Inviteret", shownCount(d.adoption.invited, isAdmin)],
        ["Har oprettet konto", shownCount(d.adoption.accepted, isAdmin)],
        ["Har offentliggjort en profil", shownCount(d.adoption.published, isAdmin)],
      ],
    },
    ledighed: {
      title: "Ledighedsprocent ved hver månedsafslutning (indeværende måned: i dag)",
      header: ["Måned", "Ledige", "I fleksjob", "Andet", "Ledighedsprocent"],
      rows: d.series.map((p) => [p.month, shownCount(p.ledig, isAdmin), shownCount(p.iFleksjob, isAdmin), shownCount(p.andet, isAdmin), pct(p.percent)]),
    },
    aktive: {
      title: `Aktive fleksjobbere pr. uge, ${d.from} til ${d.to}`,
      header: ["Uge (mandag)", "Aktive fleksjobbere"],
      rows: d.weeks.map((w) => [w.week, shownCount(w.users, isAdmin)]),
    },
    resultater: {
      title: `Resultater fra platformen, ${d.from} til ${d.to}`,
      header: ["Resultat", "Antal"],
      rows: [
        ["Forespørgsler fra virksomheder", shownCount(d.results.contactRequestsSent, isAdmin)],
        ["… heraf sagt ja til", shownCount(d.results.contactRequestsAccepted, isAdmin)],
        ["Interesse for opslag", shownCount(d.results.interestsSent, isAdmin)],
        ["Samtaler startet", shownCount(d.results.threadsStarted, isAdmin)],
        ["Ansættelser via platformen (bekræftet)", shownCount(d.results.hiresViaPlatform, isAdmin)],
        [
          "Dage fra profil til første ansættelse (median)",
          medianText(d.results, isAdmin),
        ],
        ["Tilmeldinger til arrangementer", shownCount(d.results.eventRegistrations, isAdmin)],
        ["… heraf mødt op", shownCount(d.results.eventAttendance, isAdmin)],
      ],
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
export const TABLE_KEYS: TableKey[] = ["frekvens", "tilslutning", "ledighed", "aktive", "resultater"];
