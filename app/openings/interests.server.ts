import { openingForMatching, profileForMatching } from "~/matching/adapters";
import { type Match, scoreMatch } from "~/matching/score";
import { type CompanyProfileView, toCompanyView } from "~/profiles/company-view";
import { revealedIdentities, type RevealedIdentity } from "~/profiles/contact.server";
import { loadProfileDetailsMany } from "~/profiles/profile.server";
import { isVisibleFlexjobber, isVisibleTo } from "~/profiles/visibility.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { InterestStage } from "../../db/schema";
import { liveOpenings, type OpeningDetails } from "./openings.server";

// Saved openings, "Jeg er interesseret", and what the company does with it.

export async function saveForLater(db: Db, userId: string, openingId: number, now = new Date()): Promise<boolean> {
  const live = await liveOpenings(db, now).select("o.id").where("o.id", "=", openingId).executeTakeFirst();
  if (!live) return false;
  await db
    .insertInto("savedOpenings")
    .values({ userId, openingId, createdAt: now.toISOString() })
    .onConflict((oc) => oc.columns(["userId", "openingId"]).doNothing())
    .execute();
  return true;
}

export async function unsave(db: Db, userId: string, openingId: number): Promise<void> {
  await db.deleteFrom("savedOpenings").where("userId", "=", userId).where("openingId", "=", openingId).execute();
}

/** "Gemte job", soonest deadline first; closed ones stay listed so they don't silently vanish. */
export async function listSavedOpenings(db: Db, userId: string) {
  return db
    .selectFrom("savedOpenings as s")
    .innerJoin("openings as o", "o.id", "s.openingId")
    .innerJoin("companies as c", "c.id", "o.companyId")
    .select(["o.id", "o.title", "o.status", "o.deadline", "c.name as companyName", "s.createdAt"])
    .where("s.userId", "=", userId)
    .orderBy((eb) => eb.case().when("o.deadline", "is", null).then(1).else(0).end())
    .orderBy("o.deadline")
    .execute();
}

/** not_visible: companies cannot see the flexjobber (no approved, shown profile), so they could not see the interest either. */
export type InterestResult = "sent" | "already" | "not_found" | "not_visible";

export async function expressInterest(db: Db, input: { userId: string; openingId: number; message?: string; shareIdentity: boolean }, now = new Date()): Promise<InterestResult> {
  const live = await liveOpenings(db, now).select("o.id").where("o.id", "=", input.openingId).executeTakeFirst();
  if (!live) return "not_found";
  if (!(await isVisibleTo(db, input.userId))) return "not_visible";
  const at = now.toISOString();
  const result = await db
    .insertInto("interests")
    .values({
      openingId: input.openingId,
      userId: input.userId,
      message: input.message ?? null,
      identityShared: input.shareIdentity ? 1 : 0,
      stage: "new",
      createdAt: at,
      updatedAt: at,
    })
    // An interest taken back may be given again: it starts over as new.
    .onConflict((oc) =>
      oc
        .columns(["openingId", "userId"])
        .doUpdateSet({ message: input.message ?? null, identityShared: input.shareIdentity ? 1 : 0, stage: "new", updatedAt: at, withdrawnAt: null })
        .where("interests.withdrawnAt", "is not", null),
    )
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 0n ? "already" : "sent";
}

/** The flexjobber's own interest in an opening, unless she took it back. */
export async function interestFor(db: Db, userId: string, openingId: number) {
  return db.selectFrom("interests").selectAll().where("userId", "=", userId).where("openingId", "=", openingId).where("withdrawnAt", "is", null).executeTakeFirst();
}

/** "Mine interesser": the openings she said she is interested in, newest first, with where each stands. */
export async function listMyInterests(db: Db, userId: string) {
  return db
    .selectFrom("interests as i")
    .innerJoin("openings as o", "o.id", "i.openingId")
    .innerJoin("companies as c", "c.id", "o.companyId")
    .select(["i.id", "i.openingId", "o.title", "o.status as openingStatus", "c.name as companyName", "i.stage", "i.identityShared", "i.createdAt", "i.updatedAt"])
    .where("i.userId", "=", userId)
    .where("i.withdrawnAt", "is", null)
    .orderBy("i.createdAt", "desc")
    .orderBy("i.id", "desc")
    .execute();
}

export type WithdrawResult = "withdrawn" | "not_found" | "hired";

/**
 * The flexjobber takes an interest back: the company no longer sees it (nor,
 * through it, her name), and a hire the company marked but staff have not
 * confirmed is cancelled. A confirmed hire cannot be taken back here.
 */
export async function withdrawInterest(db: Db, userId: string, interestId: number, now = new Date()): Promise<WithdrawResult> {
  return inTransaction(db, async (trx) => {
    const interest = await trx.selectFrom("interests").select(["id"]).where("id", "=", interestId).where("userId", "=", userId).where("withdrawnAt", "is", null).executeTakeFirst();
    if (!interest) return "not_found";
    const hire = await trx.selectFrom("hires").select(["id", "confirmedAt"]).where("interestId", "=", interest.id).where("cancelledAt", "is", null).executeTakeFirst();
    if (hire?.confirmedAt) return "hired";
    const at = now.toISOString();
    if (hire) await trx.updateTable("hires").set({ cancelledAt: at }).where("id", "=", hire.id).execute();
    await trx.updateTable("interests").set({ withdrawnAt: at, updatedAt: at }).where("id", "=", interest.id).execute();
    return "withdrawn";
  });
}

export interface InterestRow {
  id: number;
  stage: InterestStage;
  message: string | null;
  createdAt: string;
  alias: string;
  view: CompanyProfileView;
  /** Only when the flexjobber shared it, or said yes to a contact request. */
  identity: RevealedIdentity | null;
  match: Match | null;
}

/** The interests in one of the company's openings (closed ones too) from visible flexjobbers, anonymised unless shared. */
export async function listInterestsForOpening(db: Db, opening: OpeningDetails, companyId: number): Promise<InterestRow[]> {
  if (opening.opening.companyId !== companyId) return [];
  const openingId = opening.opening.id;
  const rows = await db
    .selectFrom("interests as i")
    .innerJoin("profiles as p", "p.userId", "i.userId")
    .select(["i.id", "i.userId", "i.stage", "i.message", "i.createdAt", "p.alias"])
    .where("i.openingId", "=", openingId)
    .where("i.withdrawnAt", "is", null)
    .where(isVisibleFlexjobber(db, "i.userId", companyId))
    .orderBy("i.id", "desc")
    .execute();
  const userIds = rows.map((r) => r.userId);
  const [details, identities] = await Promise.all([loadProfileDetailsMany(db, userIds), revealedIdentities(db, companyId, userIds)]);
  const forMatching = openingForMatching(opening);
  return rows.flatMap((r) => {
    const d = details.get(r.userId);
    if (!d) return [];
    return [
      {
        id: r.id,
        stage: r.stage,
        message: r.message,
        createdAt: r.createdAt,
        alias: r.alias,
        view: toCompanyView(d),
        identity: identities.get(r.userId) ?? null,
        match: scoreMatch(profileForMatching(d), forMatching, "company"),
      },
    ];
  });
}

/** The interest behind a company action, if it is in one of this company's openings and its flexjobber is visible. */
export async function companyInterest(db: Db, interestId: number, companyId: number) {
  return db
    .selectFrom("interests as i")
    .innerJoin("openings as o", "o.id", "i.openingId")
    .select(["i.id", "i.userId", "i.openingId", "i.stage", "i.identityShared"])
    .where("i.id", "=", interestId)
    .where("o.companyId", "=", companyId)
    .where("i.withdrawnAt", "is", null)
    .where(isVisibleFlexjobber(db, "i.userId", companyId))
    .executeTakeFirst();
}

/**
 * Moves a candidate to a stage. "Ansat" puts the hire on staff's
 * "Til bekræftelse" list; moving away again withdraws an unconfirmed hire.
 */
export async function setInterestStage(
  db: Db,
  input: { interestId: number; companyId: number; stage: InterestStage; userId: string },
  now = new Date(),
): Promise<"saved" | "not_found"> {
  return inTransaction(db, async (trx) => {
    const interest = await companyInterest(trx, input.interestId, input.companyId);
    if (!interest) return "not_found";
    const at = now.toISOString();
    await trx.updateTable("interests").set({ stage: input.stage, updatedAt: at }).where("id", "=", interest.id).execute();
    const openHire = await trx.selectFrom("hires").select(["id", "confirmedAt"]).where("interestId", "=", interest.id).where("cancelledAt", "is", null).executeTakeFirst();
    if (input.stage === "hired" && !openHire) {
      await trx
        .insertInto("hires")
        .values({
          userId: interest.userId,
          companyId: input.companyId,
          openingId: interest.openingId,
          interestId: interest.id,
          markedBy: input.userId,
          markedAt: at,
          confirmedBy: null,
          confirmedAt: null,
          cancelledAt: null,
        })
        .execute();
    } else if (input.stage !== "hired" && openHire && !openHire.confirmedAt) {
      await trx.updateTable("hires").set({ cancelledAt: at }).where("id", "=", openHire.id).execute();
    }
    return "saved";
  });
}
