import { sql } from "kysely";

import { writeAudit } from "~/audit/audit.server";
import { hasNoEmail } from "~/email/no-email";
import { liveOpenings } from "~/openings/openings.server";
import { requestExpiryCutoff } from "~/profiles/contact.server";
import { addDays, localDate } from "~/utils/dates";
import { quoted } from "~/utils/quote";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { FollowUpKind } from "../../db/schema";
import { FOLLOW_UP_HIDE_DAYS, type FollowUpDays } from "./options";
import { followUpThresholds } from "./thresholds.server";

// "Opfølgning": the engagement figures turned into a worklist.
// Every list reads the rows Statistik counts (activity_days for logins,
// invitations, profiles, contact requests, interests, hires, openings), so
// there is no second truth. Staff see their own citizens by name: nothing is
// masked here.

/** Rows shown per list (oldest first); the count says how many there are in all. */
export const ROWS_PER_LIST = 50;

export interface WorklistRow {
  kind: FollowUpKind;
  /** What "Markér som fulgt op" hides: a citizen's id, "company:<id>" or "opening:<id>". */
  subject: string;
  /** The citizen the row is about, if any (her page, and the history). */
  userId: string | null;
  who: string;
  what: string;
  /** "Skriv": a message to the person (or company) the row is about, from its template; null where none fits. */
  write: string | null;
  /** Since when (ISO date or time), oldest first. */
  since: string;
  link: string;
  /** An invitation to a citizen without email: it can only be printed again, not sent. */
  paperOnly?: boolean;
}

export interface Worklist {
  kind: FollowUpKind;
  rows: WorklistRow[];
  total: number;
}

type Scope = { consultantId: string | null; days: FollowUpDays };

const ago = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

/** Not marked as followed up (for this kind and subject) in the last FOLLOW_UP_HIDE_DAYS. */
function notFollowedUp(kind: FollowUpKind, subject: ReturnType<typeof sql>, now: Date) {
  return sql<boolean>`not exists (select 1 from follow_ups f where f.kind = ${kind} and f.subject = ${subject} and f.hidden_until > ${now.toISOString()})`;
}

/** The citizen in `u` is mine, when the list is "Mine" (every list joins the citizen as `u`). */
function inScope(scope: Scope) {
  return scope.consultantId === null ? sql<boolean>`1 = 1` : sql<boolean>`u.consultant_id = ${scope.consultantId}`;
}

function citizens(db: Db) {
  return db.selectFrom("users as u").where("u.role", "=", "flexjobber").where("u.status", "=", "active");
}

/** The rows of one list with their count in all, in one read: the count is a window over every row before the limit. */
async function counted<T extends { total: number | string | bigint }>(rows: Promise<T[]>): Promise<{ total: number; rows: T[] }> {
  const r = await rows;
  return { total: Number(r[0]?.total ?? 0), rows: r };
}

const totalRows = sql<number>`count(*) over ()`.as("total");

/** A row about a citizen: her page, and "Skriv" to her with the list's template (unless none fits). */
function citizenRow(kind: FollowUpKind, citizen: { id: string; name: string }, what: string, since: string, { write = true, link = `/borgere/${citizen.id}` } = {}): WorklistRow {
  return { kind, subject: citizen.id, userId: citizen.id, who: citizen.name, what, since, link, write: write ? `/beskeder/skriv?til=${citizen.id}&skabelon=${kind}` : null };
}

/** Citizens with a published profile who have not logged in for 14 days (28+ is its own list). */
async function quietCitizens(db: Db, scope: Scope, now: Date, long: boolean) {
  const today = localDate(now);
  const newest = addDays(today, -(long ? scope.days.quietLong : scope.days.quiet));
  const oldest = long ? "0000-00-00" : addDays(today, -scope.days.quietLong);
  // Quiet since her last active day, or since the profile came up if she has none (a profile made at a meeting).
  // Two branches, each a range read of an index, whatever the planner knows of the data.
  const branch = (neverActive: boolean) => {
    const published = sql<string>`substr(p.first_published_at, 1, 10)`;
    const since = neverActive ? published : sql<string>`u.last_active_day`;
    return citizens(db)
      .innerJoin("profiles as p", "p.userId", "u.id")
      .where("p.firstPublishedAt", "is not", null)
      .where((eb) => (neverActive ? eb("u.lastActiveDay", "is", null) : eb("u.lastActiveDay", "is not", null)))
      .where(since, "<=", newest)
      .where(since, ">", oldest)
      .where(inScope(scope))
      .where(notFollowedUp("quiet", sql`u.id`, now))
      .select(["u.id", "u.name", "u.lastActiveDay as lastDay", since.as("since")]);
  };
  const { total, rows } = await counted(
    db
      .selectFrom(branch(false).unionAll(branch(true)).as("q"))
      .selectAll()
      .select(totalRows)
      .orderBy("q.since")
      .orderBy("q.name")
      .limit(ROWS_PER_LIST)
      .execute(),
  );
  return {
    kind: "quiet" as const,
    total,
    rows: rows.map((r) => citizenRow("quiet", r, r.lastDay ? "Har ikke logget ind siden" : "Har ikke logget ind, siden profilen kom op", r.since)),
  };
}

/** Invitations to citizens not accepted after 7 days (open or expired, not revoked). */
async function waitingInvitations(db: Db, scope: Scope, now: Date) {
  const base = db
    .selectFrom("invitations as i")
    .innerJoin("users as u", (j) => j.onRef("u.email", "=", "i.email").on("u.role", "=", "flexjobber"))
    .where("i.role", "=", "flexjobber")
    .where("i.usedAt", "is", null)
    .where("i.revokedAt", "is", null)
    .where("u.status", "=", "registered")
    .where("i.createdAt", "<=", ago(now, scope.days.invitation))
    // Only the newest invitation to each address.
    .where(sql<boolean>`i.id = (select max(i2.id) from invitations i2 where i2.email = i.email and i2.role = 'flexjobber')`)
    .where(inScope(scope))
    .where(notFollowedUp("invitation", sql`u.id`, now));
  const { total, rows } = await counted(base.select(["u.id", "u.name", "u.email", "i.createdAt", "i.expiresAt", totalRows]).orderBy("i.createdAt").limit(ROWS_PER_LIST).execute());
  return {
    kind: "invitation" as const,
    total,
    rows: rows.map((r) => ({
      ...citizenRow("invitation", r, r.expiresAt <= now.toISOString() ? "Invitationen er udløbet uden svar. Sendt" : "Har ikke svaret på invitationen. Sendt", r.createdAt, {
        write: false,
      }),
      paperOnly: hasNoEmail(r.email),
    })),
  };
}

/** Accounts 14 days old without a published profile (none, or a draft). */
async function unpublishedProfiles(db: Db, scope: Scope, now: Date) {
  const accountSince = sql<string>`coalesce((select min(iu.used_at) from invitations iu where iu.user_id = u.id), u.created_at)`;
  // The few candidates first (no profile row, or a draft never published), so the
  // account's date is looked up for them and not for every citizen.
  const candidates = db
    .selectFrom("users as u0")
    .select("u0.id")
    .where("u0.role", "=", "flexjobber")
    .where("u0.status", "=", "active")
    .where("u0.id", "not in", db.selectFrom("profiles").select("userId"))
    .unionAll(db.selectFrom("profiles as p0").select("p0.userId as id").where("p0.status", "=", "draft").where("p0.firstPublishedAt", "is", null));
  const { total, rows } = await counted(
    citizens(db)
      .leftJoin("profiles as p", "p.userId", "u.id")
      .where("u.id", "in", candidates)
      .where(sql<boolean>`${accountSince} <= ${ago(now, scope.days.unpublished)}`)
      .where(inScope(scope))
      .where(notFollowedUp("unpublished", sql`u.id`, now))
      .select(["u.id", "u.name", accountSince.as("since"), "p.userId as hasProfile", totalRows])
      .orderBy(accountSince)
      .limit(ROWS_PER_LIST)
      .execute(),
  );
  return {
    kind: "unpublished" as const,
    total,
    rows: rows.map((r) =>
      citizenRow("unpublished", r, r.hasProfile ? "Har en kladde, men har ikke sendt profilen. Konto siden" : "Har ikke begyndt på sin profil. Konto siden", r.since),
    ),
  };
}

/** Profiles sent back for changes with no new submission after 7 days. */
async function returnedProfiles(db: Db, scope: Scope, now: Date) {
  const returned = sql<string>`coalesce(p.returned_at, p.updated_at)`;
  const base = citizens(db)
    .innerJoin("profiles as p", "p.userId", "u.id")
    .where("p.status", "=", "returned")
    .where(sql<boolean>`${returned} <= ${ago(now, scope.days.returned)}`)
    .where(inScope(scope))
    .where(notFollowedUp("returned", sql`u.id`, now));
  const { total, rows } = await counted(
    base
      .select(["u.id", "u.name", returned.as("since"), totalRows])
      .orderBy(returned)
      .limit(ROWS_PER_LIST)
      .execute(),
  );
  return {
    kind: "returned" as const,
    total,
    rows: rows.map((r) => citizenRow("returned", r, "Profilen blev sendt tilbage til rettelser og er ikke sendt igen. Sendt tilbage", r.since)),
  };
}

/** Contact requests the citizen has not answered for 7 days (and that have not expired). */
async function unansweredRequests(db: Db, scope: Scope, now: Date) {
  const base = db
    .selectFrom("contactRequests as r")
    .innerJoin("users as u", "u.id", "r.profileUserId")
    .innerJoin("companies as c", "c.id", "r.companyId")
    .where("r.status", "=", "pending")
    .where("r.createdAt", "<=", ago(now, scope.days.unansweredRequest))
    .where("r.createdAt", ">=", requestExpiryCutoff(now))
    .where("u.status", "=", "active")
    .where(inScope(scope))
    .where(notFollowedUp("unanswered_request", sql`u.id`, now));
  const { total, rows } = await counted(
    base.select(["r.id", "u.id as userId", "u.name", "c.name as companyName", "r.createdAt", totalRows]).orderBy("r.createdAt").limit(ROWS_PER_LIST).execute(),
  );
  return {
    kind: "unanswered_request" as const,
    total,
    rows: rows.map((r) => citizenRow("unanswered_request", { id: r.userId, name: r.name }, `Har ikke svaret ${r.companyName}, der vil i kontakt. Spurgt`, r.createdAt)),
  };
}

/** Interests a company has not answered for 7 days: still new, not taken back, no conversation. */
async function unansweredInterests(db: Db, scope: Scope, now: Date) {
  const base = db
    .selectFrom("interests as i")
    .innerJoin("users as u", "u.id", "i.userId")
    .innerJoin("openings as o", "o.id", "i.openingId")
    .innerJoin("companies as c", "c.id", "o.companyId")
    .where("i.stage", "=", "new")
    .where("i.withdrawnAt", "is", null)
    .where("i.createdAt", "<=", ago(now, scope.days.unansweredInterest))
    .where("u.status", "=", "active")
    .where("c.status", "=", "approved")
    .where(sql<boolean>`not exists (select 1 from threads t where t.interest_id = i.id)`)
    .where(inScope(scope))
    .where(notFollowedUp("unanswered_interest", sql`u.id`, now));
  const { total, rows } = await counted(
    base.select(["i.id", "u.id as userId", "u.name", "c.name as companyName", "o.title", "i.createdAt", totalRows]).orderBy("i.createdAt").limit(ROWS_PER_LIST).execute(),
  );
  return {
    kind: "unanswered_interest" as const,
    total,
    rows: rows.map((r) =>
      citizenRow("unanswered_interest", { id: r.userId, name: r.name }, `${r.companyName} har ikke svaret på interessen for ${quoted(r.title)}. Vist interesse`, r.createdAt),
    ),
  };
}

/** Hires a company marked that wait for staff to confirm. */
async function hiresToConfirm(db: Db, scope: Scope, now: Date) {
  const base = db
    .selectFrom("hires as h")
    .innerJoin("users as u", "u.id", "h.userId")
    .innerJoin("companies as c", "c.id", "h.companyId")
    .where("h.confirmedAt", "is", null)
    .where("h.cancelledAt", "is", null)
    .where(inScope(scope))
    .where(notFollowedUp("hire_to_confirm", sql`u.id`, now));
  const { total, rows } = await counted(
    base.select(["h.id", "u.id as userId", "u.name", "c.name as companyName", "h.markedAt", totalRows]).orderBy("h.markedAt").limit(ROWS_PER_LIST).execute(),
  );
  return {
    kind: "hire_to_confirm" as const,
    total,
    rows: rows.map((r) =>
      citizenRow("hire_to_confirm", { id: r.userId, name: r.name }, `${r.companyName} har ansat borgeren. Venter på jeres bekræftelse siden`, r.markedAt, {
        write: false,
        link: "/bekraeft",
      }),
    ),
  };
}

/** Openings published 14 days ago that no one showed interest in, and the company asked no one since. */
async function quietOpenings(db: Db, scope: Scope, now: Date) {
  // Live openings as the job search shows them (published, deadline not passed, company approved).
  // The page's ids and the count first, from the openings' index; titles and names for 50 rows only.
  const { total, rows: page } = await counted(
    liveOpenings(db, now)
      .where("o.publishedAt", "<=", ago(now, scope.days.quietOpening))
      .where(sql<boolean>`not exists (select 1 from interests i where i.opening_id = o.id)`)
      .where(sql<boolean>`not exists (select 1 from contact_requests r where r.company_id = o.company_id and r.created_at >= o.published_at)`)
      .where(notFollowedUp("quiet_opening", sql`'opening:' || cast(o.id as text)`, now))
      .select(["o.id", totalRows])
      .orderBy("o.publishedAt")
      .orderBy("o.id")
      .limit(ROWS_PER_LIST)
      .execute(),
  );
  const rows = await db
    .selectFrom("openings as o")
    .innerJoin("companies as c", "c.id", "o.companyId")
    .select(["o.id", "o.title", "c.id as companyId", "c.name as companyName", "o.publishedAt"])
    .where(
      "o.id",
      "in",
      page.map((r) => r.id),
    )
    .orderBy("o.publishedAt")
    .orderBy("o.id")
    .execute();
  return {
    kind: "quiet_opening" as const,
    total,
    rows: rows.map((r) => ({
      kind: "quiet_opening" as const,
      subject: `opening:${r.id}`,
      userId: null,
      who: r.companyName,
      what: `${quoted(r.title)} har ingen interesserede og ingen forespørgsler. Slået op`,
      since: r.publishedAt!,
      link: `/virksomheder?q=${encodeURIComponent(r.companyName)}`,
      write: `/beskeder/skriv?virksomhed=${r.companyId}&skabelon=quiet_opening`,
    })),
  };
}

/** Approved companies with no opening for 60 days (none made since, or since approval). */
async function quietCompanies(db: Db, scope: Scope, now: Date) {
  const lastOpening = sql<string | null>`(select max(o.created_at) from openings o where o.company_id = c.id)`;
  const since = sql<string>`coalesce(${lastOpening}, c.decided_at, c.created_at)`;
  const base = db
    .selectFrom("companies as c")
    .where("c.status", "=", "approved")
    .where(sql<boolean>`${since} <= ${ago(now, scope.days.quietCompany)}`)
    .where(notFollowedUp("quiet_company", sql`'company:' || cast(c.id as text)`, now));
  const { total, rows } = await counted(
    base
      .select(["c.id", "c.name", lastOpening.as("lastOpening"), since.as("since"), totalRows])
      .orderBy(since)
      .limit(ROWS_PER_LIST)
      .execute(),
  );
  return {
    kind: "quiet_company" as const,
    total,
    rows: rows.map((r) => ({
      kind: "quiet_company" as const,
      subject: `company:${r.id}`,
      userId: null,
      who: r.name,
      what: r.lastOpening ? "Har ikke slået et job op siden" : "Har ikke slået et job op, siden den blev godkendt",
      since: r.since,
      link: `/virksomheder?q=${encodeURIComponent(r.name)}`,
      write: `/beskeder/skriv?virksomhed=${r.id}&skabelon=quiet_company`,
    })),
  };
}

/**
 * Every list, for "Mine" (the citizens I am consultant for; the company lists
 * are everyone's: companies have no consultant) or "Alle".
 */
export async function loadWorklist(db: Db, input: { staffId: string; mine: boolean }, now = new Date()) {
  const scope: Scope = { consultantId: input.mine ? input.staffId : null, days: await followUpThresholds(db) };
  const [quiet, quietLong, invitations, unpublished, returned, requests, interests, hires, openings, companies] = await Promise.all([
    quietCitizens(db, scope, now, false),
    quietCitizens(db, scope, now, true),
    waitingInvitations(db, scope, now),
    unpublishedProfiles(db, scope, now),
    returnedProfiles(db, scope, now),
    unansweredRequests(db, scope, now),
    unansweredInterests(db, scope, now),
    hiresToConfirm(db, scope, now),
    quietOpenings(db, scope, now),
    quietCompanies(db, scope, now),
  ]);
  return { quiet, quietLong, invitations, unpublished, returned, requests, interests, hires, openings, companies };
}

export type LoadedWorklist = Awaited<ReturnType<typeof loadWorklist>>;

/** Short words for each list's count on Overblik. */
const COUNT_LABELS: Record<keyof LoadedWorklist, string> = {
  quiet: "har ikke logget ind i et stykke tid",
  quietLong: "har ikke logget ind i lang tid",
  invitations: "har ikke svaret på invitationen",
  unpublished: "har ingen profil endnu",
  returned: "har ikke rettet en tilbagesendt profil",
  requests: "har ikke svaret en virksomhed",
  interests: "venter på svar fra en virksomhed",
  hires: "ansættelser venter på bekræftelse",
  openings: "jobopslag uden interesserede",
  companies: "virksomheder uden jobopslag",
};

/** The counts per list (the lists with rows only) and in all, for Overblik. */
export function worklistCounts(w: LoadedWorklist): { total: number; lists: { label: string; count: number }[] } {
  const keys = Object.keys(COUNT_LABELS) as (keyof LoadedWorklist)[];
  const lists = keys.filter((k) => w[k].total > 0).map((k) => ({ label: COUNT_LABELS[k], count: w[k].total }));
  return { total: lists.reduce((n, l) => n + l.count, 0), lists };
}

/** The menu badge: how many rows "Mine" holds, per staff member, kept a minute. */
const badgeCache = new Map<string, { count: number; until: number }>();
const BADGE_MS = 60_000;

/**
 * The count on "Opfølgning" in the menu, on every staff page. It is the total
 * of "Mine" (as Overblik shows it), read at most once a minute per staff
 * member so a page view does not cost ten list reads; marking a row clears it.
 */
export async function followUpBadgeCount(db: Db, staffId: string, now = new Date()): Promise<number> {
  const cached = badgeCache.get(staffId);
  if (cached && cached.until > now.getTime()) return cached.count;
  const { total } = worklistCounts(await loadWorklist(db, { staffId, mine: true }, now));
  badgeCache.set(staffId, { count: total, until: now.getTime() + BADGE_MS });
  return total;
}

/**
 * "Markér som fulgt op": hides the row for FOLLOW_UP_HIDE_DAYS, with the
 * consultant's note; about a citizen, it is her follow-up history and is
 * written to the audit log.
 */
export async function markFollowedUp(
  db: Db,
  input: { staffId: string; kind: FollowUpKind; subject: string; note: string | undefined },
  now = new Date(),
): Promise<"ok" | "not_found"> {
  return inTransaction(db, async (trx) => {
    const citizen = /^(company|opening):/.test(input.subject)
      ? null
      : await trx.selectFrom("users").select("id").where("id", "=", input.subject).where("role", "=", "flexjobber").where("status", "!=", "erased").executeTakeFirst();
    if (!citizen && !/^(company|opening):\d+$/.test(input.subject)) return "not_found";
    await trx
      .insertInto("followUps")
      .values({
        kind: input.kind,
        subject: input.subject,
        userId: citizen?.id ?? null,
        staffId: input.staffId,
        note: input.note ?? null,
        createdAt: now.toISOString(),
        hiddenUntil: new Date(now.getTime() + FOLLOW_UP_HIDE_DAYS * 86_400_000).toISOString(),
      })
      .execute();
    if (citizen) await writeAudit(trx, { actorId: input.staffId, action: "followed_up", subjectUserId: citizen.id }, now);
    badgeCache.clear();
    return "ok";
  });
}

/** A citizen's follow-up history, newest first (her page). */
export async function followUpHistory(db: Db, userId: string) {
  return db
    .selectFrom("followUps as f")
    .leftJoin("users as s", "s.id", "f.staffId")
    .select(["f.id", "f.kind", "f.note", "f.createdAt", "s.name as staffName"])
    .where("f.userId", "=", userId)
    .orderBy("f.id", "desc")
    .limit(50)
    .execute();
}
