import { sql } from "kysely";

import type { Db } from "../../db/kysely";

/**
 * The one visibility rule: which flexjobbers exist for companies. Every
 * company-facing read of a flexjobber (search, candidate page,
 * recommendations, interests, contact requests, revealed identities, counts)
 * goes through here; a new one must too.
 *
 * A flexjobber is visible while
 * - the account is active (not suspended, not erased),
 * - the profile is approved by staff and not paused,
 * - the consent to show the profile to companies is given and not withdrawn,
 * - and, for a given company, she has not blocked it.
 */
export function visibleProfiles(db: Db, forCompanyId?: number) {
  const base = db.selectFrom("profiles as p");
  const unblocked =
    forCompanyId === undefined
      ? base
      : base.where((eb) =>
          eb.not(eb.exists(eb.selectFrom("companyBlocks as vb").select("vb.userId").whereRef("vb.userId", "=", "p.userId").where("vb.companyId", "=", forCompanyId))),
        );
  return unblocked
    .where("p.status", "=", "approved")
    .where("p.hidden", "=", 0)
    .where((eb) =>
      eb.and([
        eb.exists(eb.selectFrom("users as vu").select("vu.id").whereRef("vu.id", "=", "p.userId").where("vu.status", "=", "active")),
        eb.exists(
          eb.selectFrom("consents as vc").select("vc.id").whereRef("vc.userId", "=", "p.userId").where("vc.purpose", "=", "profile_sharing").where("vc.withdrawnAt", "is", null),
        ),
      ]),
    );
}

/**
 * A condition on another table's rows: the flexjobber whose id is in column
 * `userIdColumn` is visible (to the company): `.where(isVisibleFlexjobber(db, "i.userId", companyId))`.
 * Checked row by row, so a few rows never cost a pass over every profile.
 */
export function isVisibleFlexjobber(db: Db, userIdColumn: string, forCompanyId?: number) {
  return sql<boolean>`exists ${visibleProfiles(db, forCompanyId).select("p.userId").where("p.userId", "=", sql.ref<string>(userIdColumn))}`;
}

/** Whether one flexjobber is visible to a company now. */
export async function isVisibleTo(db: Db, userId: string, forCompanyId?: number): Promise<boolean> {
  const row = await visibleProfiles(db, forCompanyId).select("p.userId").where("p.userId", "=", userId).executeTakeFirst();
  return row !== undefined;
}

/** A candidate's alias in a text a company reads ("Fleksjobber 7KQ2 har sagt ja"). */
export const ALIAS_IN_TEXT = /Fleksjobber [A-Z2-9]{4}/g;
