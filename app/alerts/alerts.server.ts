import { type Expression, expressionBuilder, type SqlBool } from "kysely";

import { deadlineSoonEmail, notificationEmail } from "~/email/messages.server";
import { openingForMatching, profileForMatching } from "~/matching/adapters";
import { profileScoreBound } from "~/matching/bounds.server";
import { scoreMatch } from "~/matching/score";
import { notify } from "~/notifications/notifications.server";
import { jobFilters, matchingOpenings, profileStrength } from "~/openings/job-search.server";
import { liveOpenings, loadOpenings } from "~/openings/openings.server";
import type { News } from "~/ops/news.server";
import { loadProfileDetails, loadProfileDetailsMany } from "~/profiles/profile.server";
import { candidateFilters, matchingCandidates } from "~/profiles/search.server";
import { addDays, formatDate, localDate } from "~/utils/dates";
import { quoted } from "~/utils/quote";

import type { Db } from "../../db/kysely";
import type { Database } from "../../db/schema";
import { readSearch } from "./saved-searches.server";

// Alerts: what is new since last time becomes one notification per person
// and hit. Every run is safe to repeat: saved searches keep a high-water mark
// and the hits already told about, recommendations are told once per
// opening, a deadline is reminded of once. Run by the schedule's minute tick
// after news (a profile approved or shown again, an opening published) and
// hourly for everything else (edits).

/** From this score (0–100) a new opening is worth telling a flexjobber about. */
export const RECOMMEND_FROM = 75;
/** A company hears about an opening's deadline this many days ahead. */
export const DEADLINE_NOTICE_DAYS = 7;
const RECOMMENDED_MARK = "alerts_recommended_until";

/** After news (app/ops/news.server.ts): the saved searches, and the recommendations when an opening is new. */
export async function runNewsAlerts(db: Db, news: Set<News>, now = new Date()): Promise<void> {
  await runSavedSearchAlerts(db, now);
  if (news.has("opening")) await recommendNewOpenings(db, now);
}

/** Everything at once, in the order `npm run reminders` runs it. */
export async function runAlerts(db: Db, now = new Date()) {
  return {
    searches: await runSavedSearchAlerts(db, now),
    recommended: await recommendNewOpenings(db, now),
    deadlines: await remindDeadlines(db, now),
  };
}

/**
 * Saved searches: each profile or opening that changed after the search's
 * high-water mark and matches it now becomes one notification, unless it was
 * told about before. Profiles only through the one visibility rule (a paused
 * profile never matches). Returns the number of notifications.
 */
export async function runSavedSearchAlerts(db: Db, now = new Date()): Promise<number> {
  const searches = await db
    .selectFrom("savedSearches as s")
    .innerJoin("users as u", "u.id", "s.userId")
    .leftJoin("companies as c", "c.id", "u.companyId")
    .select(["s.id", "s.userId", "s.kind", "s.name", "s.query", "s.checkedUntil", "u.email", "u.name as userName", "u.role", "u.companyId", "c.status as companyStatus"])
    .where("u.status", "=", "active")
    .execute();
  const at = now.toISOString();
  let sent = 0;
  for (const s of searches) {
    const read = readSearch(s.kind, s.query);
    const hits = !read
      ? []
      : read.parsed.kind === "candidates"
        ? s.role === "company" && s.companyId !== null && s.companyStatus === "approved"
          ? await newCandidates(db, s.id, s.companyId, candidateFilters(read.parsed.input), s.checkedUntil)
          : []
        : s.role === "flexjobber"
          ? await newJobs(db, s.id, s.userId, jobFilters(read.parsed.input), s.checkedUntil, now)
          : [];
    for (const hit of hits) {
      const claimed = await db
        .insertInto("savedSearchHits")
        .values({ savedSearchId: s.id, item: hit.item, createdAt: at })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (claimed.numInsertedOrUpdatedRows === 0n) continue;
      const title = `${hit.what} til søgningen ${quoted(s.name)}: ${hit.title}`;
      await notify(
        db,
        {
          userId: s.userId,
          kind: s.kind === "candidates" ? "new_candidate" : "new_job",
          title,
          link: hit.link,
          email: notificationEmail({ to: s.email, name: s.userName, title, link: hit.link }),
        },
        now,
      );
      sent += 1;
    }
    await db.updateTable("savedSearches").set({ checkedUntil: at }).where("id", "=", s.id).execute();
  }
  return sent;
}

interface Hit {
  item: string;
  what: string;
  /** Anonymised for a company: the alias, never a name. */
  title: string;
  link: string;
}

async function newCandidates(db: Db, searchId: number, companyId: number, filters: ReturnType<typeof candidateFilters>, since: string): Promise<Hit[]> {
  const rows = await matchingCandidates(db, companyId, filters)
    .query.select(["p.userId", "p.alias"])
    .where((eb) => eb.or([eb("p.updatedAt", ">", since), eb("p.approvedAt", ">", since)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom("savedSearchHits as h").select("h.item").where("h.savedSearchId", "=", searchId).whereRef("h.item", "=", "p.userId"))))
    .orderBy("p.approvedAt")
    .execute();
  return rows.map((r) => ({ item: r.userId, what: "Ny kandidat", title: r.alias, link: `/kandidater/${encodeURIComponent(r.alias)}` }));
}

async function newJobs(db: Db, searchId: number, userId: string, filters: ReturnType<typeof jobFilters>, since: string, now: Date): Promise<Hit[]> {
  const profile = await loadProfileDetails(db, userId);
  const rows = await matchingOpenings(db, profile, filters, now)
    .innerJoin("companies as oc", "oc.id", "o.companyId")
    .select(["o.id", "o.title", "oc.name as companyName"])
    .where((eb) => eb.or([eb("o.updatedAt", ">", since), eb("o.publishedAt", ">", since)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom("companyBlocks as b").select("b.userId").where("b.userId", "=", userId).whereRef("b.companyId", "=", "o.companyId"))))
    .where((eb) => eb.not(knowsOpening(eb.val(userId), eb.ref("o.id"))))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("savedSearchHits as h").select("h.item").where("h.savedSearchId", "=", searchId).where("h.item", "=", eb.cast<string>("o.id", "text")))),
    )
    .orderBy("o.publishedAt")
    .execute();
  return rows.map((r) => ({ item: String(r.id), what: "Nyt job", title: `${r.title} hos ${r.companyName}`, link: `/job/${r.id}` }));
}

/**
 * She has saved the opening or said she is interested (also if she took it
 * back): an edit or a new publication of it is no "Nyt job" to her.
 */
function knowsOpening(userId: Expression<string>, openingId: Expression<number>): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  return eb.or([
    eb.exists(eb.selectFrom("savedOpenings as so").select("so.openingId").where("so.userId", "=", userId).where("so.openingId", "=", openingId)),
    eb.exists(eb.selectFrom("interests as ki").select("ki.id").where("ki.userId", "=", userId).where("ki.openingId", "=", openingId)),
  ]);
}

/**
 * "Nye job, der passer godt til min profil": each opening published since the
 * last run is matched against every active flexjobber's profile (a bound in
 * SQL picks those who could reach RECOMMEND_FROM; the engine scores them
 * exactly); from RECOMMEND_FROM it becomes one notification (once per person
 * and opening, never from a company she blocked).
 */
export async function recommendNewOpenings(db: Db, now = new Date()): Promise<number> {
  const mark = await db.selectFrom("settings").select("value").where("key", "=", RECOMMENDED_MARK).executeTakeFirst();
  // The first run looks one week back, so a new installation does not tell about every old opening.
  const since = mark?.value ?? new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const at = now.toISOString();
  const ids = (await liveOpenings(db, now).select("o.id").where("o.publishedAt", ">", since).where("o.publishedAt", "<=", at).execute()).map((r) => r.id);
  let sent = 0;
  for (const o of (await loadOpenings(db, ids)).values()) {
    const forMatching = openingForMatching(o);
    const bound = profileScoreBound(db, forMatching, "flexjobber");
    const people = await db
      .selectFrom("users as u")
      .innerJoin("profiles as p", "p.userId", "u.id")
      .select(["u.id", "u.email", "u.name"])
      .where("u.role", "=", "flexjobber")
      .where("u.status", "=", "active")
      .where((eb) => eb.not(eb.exists(eb.selectFrom("companyBlocks as b").select("b.userId").whereRef("b.userId", "=", "u.id").where("b.companyId", "=", o.opening.companyId))))
      .where((eb) => eb.not(knowsOpening(eb.ref("u.id"), eb.val(o.opening.id))))
      .where(bound, ">=", RECOMMEND_FROM)
      .execute();
    const details = await loadProfileDetailsMany(
      db,
      people.map((p) => p.id),
    );
    for (const person of people) {
      const d = details.get(person.id);
      if (!d || profileStrength(d) === "empty") continue;
      const { score } = scoreMatch(profileForMatching(d), forMatching, "flexjobber");
      if (score < RECOMMEND_FROM) continue;
      const claimed = await db
        .insertInto("recommendedOpenings")
        .values({ userId: person.id, openingId: o.opening.id, score, createdAt: at })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (claimed.numInsertedOrUpdatedRows === 0n) continue;
      const title = `Nyt job, der passer ${score} % til dig: ${o.opening.title} hos ${o.companyName}`;
      const link = `/job/${o.opening.id}`;
      await notify(db, { userId: person.id, kind: "recommended_opening", title, link, email: notificationEmail({ to: person.email, name: person.name, title, link }) }, now);
      sent += 1;
    }
  }
  await db
    .insertInto("settings")
    .values({ key: RECOMMENDED_MARK, value: at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: at }))
    .execute();
  return sent;
}

/**
 * Seven days before an opening's deadline the company hears of it, once per
 * deadline (a new deadline gets its own reminder): the user who made the
 * opening, or every user of the company when that user is gone.
 */
export async function remindDeadlines(db: Db, now = new Date()): Promise<number> {
  const until = addDays(localDate(now), DEADLINE_NOTICE_DAYS);
  const due = await liveOpenings(db, now)
    .select(["o.id", "o.title", "o.deadline", "o.companyId", "o.createdBy"])
    .where("o.deadline", "is not", null)
    .where("o.deadline", "<=", until)
    .where((eb) => eb.or([eb("o.deadlineRemindedFor", "is", null), eb("o.deadlineRemindedFor", "!=", eb.ref("o.deadline"))]))
    .execute();
  let sent = 0;
  for (const o of due) {
    const deadline = o.deadline!;
    const claimed = await db
      .updateTable("openings")
      .set({ deadlineRemindedFor: deadline })
      .where("id", "=", o.id)
      .where((eb) => eb.or([eb("deadlineRemindedFor", "is", null), eb("deadlineRemindedFor", "!=", deadline)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    const users = await db.selectFrom("users").select(["id", "email", "name"]).where("companyId", "=", o.companyId).where("status", "=", "active").execute();
    const maker = users.filter((u) => u.id === o.createdBy);
    const title = `Fristen for ${quoted(o.title)} er ${formatDate(deadline)}`;
    const link = `/opslag/${o.id}#frist`;
    for (const u of maker.length > 0 ? maker : users) {
      await notify(
        db,
        { userId: u.id, kind: "deadline_soon", title, link, email: deadlineSoonEmail({ to: u.email, name: u.name, openingTitle: o.title, deadline, openingId: o.id }) },
        now,
      );
      sent += 1;
    }
  }
  return sent;
}
