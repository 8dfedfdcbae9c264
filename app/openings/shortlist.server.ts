import { openingForMatching, profileForMatching } from "~/matching/adapters";
import { scoreMatch } from "~/matching/score";
import { toCompanyView } from "~/profiles/company-view";
import { loadProfileDetailsMany } from "~/profiles/profile.server";
import { visibleProfiles } from "~/profiles/visibility.server";

import type { Db } from "../../db/kysely";
import type { OpeningDetails } from "./openings.server";

// A company's shortlist ("Kortliste") of candidates for one of its openings.
// Candidates are named by alias, as the company knows them, and shown only
// while visible: a paused profile drops off the list and comes back with it.

/** Adds a visible candidate to the opening's shortlist (again is fine). The caller checked the opening is the company's. */
export async function addToShortlist(db: Db, input: { openingId: number; companyId: number; alias: string; addedBy: string }, now = new Date()): Promise<"added" | "not_found"> {
  const profile = await visibleProfiles(db, input.companyId).select("p.userId").where("p.alias", "=", input.alias).executeTakeFirst();
  if (!profile) return "not_found";
  await db
    .insertInto("shortlistEntries")
    .values({ openingId: input.openingId, profileUserId: profile.userId, addedBy: input.addedBy, createdAt: now.toISOString() })
    .onConflict((oc) => oc.columns(["openingId", "profileUserId"]).doNothing())
    .execute();
  return "added";
}

export async function removeFromShortlist(db: Db, input: { openingId: number; alias: string }): Promise<void> {
  await db
    .deleteFrom("shortlistEntries")
    .where("openingId", "=", input.openingId)
    .where("profileUserId", "in", db.selectFrom("profiles").select("userId").where("alias", "=", input.alias))
    .execute();
}

/** The shortlist of one opening, in the order it was made, anonymised and matched like recommendations. */
export async function listShortlist(db: Db, opening: OpeningDetails, companyId: number) {
  const rows = await visibleProfiles(db, companyId)
    .innerJoin("shortlistEntries as s", "s.profileUserId", "p.userId")
    .select(["p.userId", "s.createdAt"])
    .where("s.openingId", "=", opening.opening.id)
    .orderBy("s.createdAt")
    .execute();
  const details = await loadProfileDetailsMany(
    db,
    rows.map((r) => r.userId),
  );
  const forMatching = openingForMatching(opening);
  return rows.flatMap((r) => {
    const d = details.get(r.userId);
    if (!d) return [];
    const view = toCompanyView(d);
    return [
      { alias: view.alias, headline: view.headline, hours: view.hours, area: view.area, addedAt: r.createdAt, match: scoreMatch(profileForMatching(d), forMatching, "company") },
    ];
  });
}
