import { listSavedOpenings } from "~/openings/interests.server";
import { searchJobs } from "~/openings/job-search.server";
import { listCompanyOpenings } from "~/openings/openings.server";
import { completeness } from "~/profiles/completeness";
import { requestExpiryCutoff } from "~/profiles/contact.server";
import { loadProfileDetails } from "~/profiles/profile.server";
import { isVisibleFlexjobber, isVisibleTo, visibleProfiles } from "~/profiles/visibility.server";
import { localDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";

/** The flexjobber's start page: the profile, who waits for an answer, jobs that fit, saved jobs. */
export async function flexjobberHome(db: Db, userId: string) {
  const details = await loadProfileDetails(db, userId);
  const pending = await db
    .selectFrom("contactRequests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("profileUserId", "=", userId)
    .where("status", "=", "pending")
    .where("createdAt", ">=", requestExpiryCutoff())
    .executeTakeFirstOrThrow();
  const [recommended, saved, visible] = await Promise.all([
    searchJobs(db, userId, { fitsHours: false, withinCommute: false, remoteOnly: false, newThisWeek: false, sort: "match", page: 1 }),
    listSavedOpenings(db, userId),
    isVisibleTo(db, userId),
  ]);
  const today = localDate();
  return {
    status: details?.profile.status ?? null,
    hidden: details?.profile.hidden === 1,
    /** What companies see of her now, by the one visibility rule (approved, not paused, consent given). */
    visible,
    percent: details ? completeness(details).percent : 0,
    pendingRequests: pending.n,
    recommended: recommended.cards.slice(0, 3),
    strength: recommended.strength,
    saved: saved.filter((s) => s.status === "published" && (s.deadline === null || s.deadline >= today)).slice(0, 5),
  };
}

/** The company's start page: how many it can find, and how its requests stand. */
export async function companyHome(db: Db, companyId: number) {
  const [visible, requests, openings] = await Promise.all([
    visibleProfiles(db, companyId)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("contactRequests")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("companyId", "=", companyId)
      // Expired requests wait for nothing any more.
      .where((eb) => eb.or([eb("status", "!=", "pending"), eb("createdAt", ">=", requestExpiryCutoff())]))
      .where(isVisibleFlexjobber(db, "contactRequests.profileUserId", companyId))
      .groupBy("status")
      .execute(),
    listCompanyOpenings(db, companyId),
  ]);
  const count = (status: string) => requests.find((r) => r.status === status)?.n ?? 0;
  return {
    visibleProfiles: visible.n,
    accepted: count("accepted"),
    pending: count("pending"),
    openings: openings.rows.filter((o) => o.status !== "closed").slice(0, 5),
  };
}
