import { randomInt } from "node:crypto";

import { type SelectQueryBuilder, sql } from "kysely";

import { SHARING_CONSENT_VERSION } from "~/auth/consent-texts";
import { currentConsents, giveConsent, hasConsent, withdrawConsent } from "~/auth/consents.server";
import { withoutMatchTerms } from "~/matching/match-terms";
import { announceNews } from "~/ops/news.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { portableSql } from "../../db/portable";
import type { Accommodation, Database, Experience, Profile, ProfileTermKind } from "../../db/schema";
import { findPostcode } from "../../db/vocabularies/postcodes";
import { normalizeTerm } from "../../db/vocabularies/terms";
import { checkPublishable } from "./completeness";
import { TERM_KINDS, termKindText, type TimeOfDay } from "./options";
import type { ProfileDetails, ProfileItem } from "./profile-details";
import { indexProfile } from "./search-document.server";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UserIdQuery = SelectQueryBuilder<Database, any, { userId: string }>;

export const MAX_ITEMS_PER_LIST = 30;

// No 0/O or 1/I: an alias is read aloud on the phone to the jobcenter.
const ALIAS_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function newAlias(): string {
  let code = "";
  for (let i = 0; i < 4; i++) code += ALIAS_ALPHABET[randomInt(ALIAS_ALPHABET.length)];
  return `Fleksjobber ${code}`;
}

/** The flexjobber's profile, created empty (as a draft with an alias) on first visit. */
export async function ensureProfile(db: Db, userId: string, now = new Date()): Promise<Profile> {
  const existing = await db
    .selectFrom("profiles")
    .selectAll()
    .where("userId", "=", userId)
    .executeTakeFirst()
    .then((row) => row && withoutMatchTerms(row));
  if (existing) return existing;
  for (let attempt = 0; ; attempt++) {
    const alias = newAlias();
    const taken = await db.selectFrom("profiles").select("userId").where("alias", "=", alias).executeTakeFirst();
    if (taken && attempt < 20) continue;
    const at = now.toISOString();
    await db
      .insertInto("profiles")
      .values({
        userId,
        alias,
        headline: null,
        summary: null,
        birthDate: null,
        hoursMin: null,
        hoursMax: null,
        postcode: null,
        lat: null,
        lng: null,
        maxCommuteKm: null,
        returnReason: null,
        submittedAt: null,
        approvedAt: null,
        approvedBy: null,
        firstPublishedAt: null,
        createdAt: at,
        updatedAt: at,
      })
      .onConflict((oc) => oc.column("userId").doNothing())
      .execute();
    return withoutMatchTerms(await db.selectFrom("profiles").selectAll().where("userId", "=", userId).executeTakeFirstOrThrow());
  }
}

export async function hasHealthConsent(db: Db, userId: string): Promise<boolean> {
  return hasConsent(db, userId, "health_data");
}

/** Writes every profile's search document and match terms again (the search area's rebuild); returns how many. */
export async function indexAllProfiles(trx: Db): Promise<number> {
  const profiles = await trx.selectFrom("profiles").select("userId").execute();
  for (let i = 0; i < profiles.length; i += 500) {
    const details = await loadProfileDetailsMany(
      trx,
      profiles.slice(i, i + 500).map((p) => p.userId),
    );
    for (const d of details.values()) await indexProfile(trx, d);
  }
  return profiles.length;
}

/** Profiles with their lists, by user id: a list, or a query of user ids (filtered in the same statement). */
export async function loadProfileDetailsMany(db: Db, userIds: string[] | UserIdQuery): Promise<Map<string, ProfileDetails>> {
  const out = new Map<string, ProfileDetails>();
  if (Array.isArray(userIds) && userIds.length === 0) return out;
  // One statement: the profiles with their lists as JSON (a search page shows ten, each a round trip on PostgreSQL).
  const { jsonRows } = portableSql(db);
  const of = (table: string) => sql`from ${sql.table(table)} as x where ${sql.ref("x.userId")} = ${sql.ref("p.userId")}`;
  const x = (column: string) => sql.ref(`x.${column}`);
  const rows = await db
    .selectFrom("profiles as p")
    .selectAll("p")
    .select([
      jsonRows({ id: x("id"), kind: x("kind"), label: x("label") }, of("profile_terms"), x("id")).as("termsJson"),
      jsonRows(
        { id: x("id"), userId: x("userId"), title: x("title"), industry: x("industry"), employer: x("employer"), years: x("years"), createdAt: x("createdAt") },
        of("experiences"),
        x("id"),
      ).as("experiencesJson"),
      jsonRows(
        {
          id: x("id"),
          userId: x("userId"),
          termId: x("termId"),
          label: x("label"),
          normalized: x("normalized"),
          visibleToCompanies: x("visibleToCompanies"),
          createdAt: x("createdAt"),
        },
        of("accommodations"),
        x("id"),
      ).as("accommodationsJson"),
      (eb) =>
        eb
          .case()
          .when(eb.exists(currentConsents(db, "health_data").where("consents.userId", "=", sql.ref<string>("p.userId"))))
          .then(1)
          .else(0)
          .end()
          .as("healthConsent"),
    ])
    .where("p.userId", "in", userIds)
    .execute();
  for (const { termsJson, experiencesJson, accommodationsJson, healthConsent, ...row } of rows) {
    const terms = Object.fromEntries(TERM_KINDS.map((k) => [k, [] as ProfileItem[]])) as Record<ProfileTermKind, ProfileItem[]>;
    for (const t of JSON.parse(termsJson) as { id: number; kind: ProfileTermKind; label: string }[]) terms[t.kind]?.push({ id: t.id, label: t.label });
    const profile = withoutMatchTerms(row);
    out.set(profile.userId, {
      profile,
      timesOfDay: parseTimesOfDay(profile.timesOfDay),
      terms,
      experiences: JSON.parse(experiencesJson) as Experience[],
      accommodations: JSON.parse(accommodationsJson) as Accommodation[],
      healthConsent: Number(healthConsent) === 1,
    });
  }
  return out;
}

export async function loadProfileDetails(db: Db, userId: string): Promise<ProfileDetails | null> {
  return (await loadProfileDetailsMany(db, [userId])).get(userId) ?? null;
}

function parseTimesOfDay(json: string): TimeOfDay[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value.filter((v) => typeof v === "string") as TimeOfDay[]) : [];
  } catch {
    return [];
  }
}

/**
 * Every change to a profile goes through here: one transaction that applies
 * the change, stamps updatedAt and re-indexes the searchable text, so search
 * never shows what the profile no longer says.
 */
async function changeProfile<T>(
  db: Db,
  userId: string,
  change: (trx: Db) => Promise<T>,
  now = new Date(),
  /** Whether the result means something changed; a refused duplicate leaves updatedAt alone. */
  changed: (result: T) => boolean = () => true,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    await ensureProfile(trx, userId, now);
    const result = await change(trx);
    if (!changed(result)) return result;
    await trx.updateTable("profiles").set({ updatedAt: now.toISOString() }).where("userId", "=", userId).execute();
    const details = await loadProfileDetails(trx, userId);
    if (details) await indexProfile(trx, details);
    return result;
  });
}

export async function updateAbout(db: Db, userId: string, input: { headline: string; summary?: string; birthDate?: string }): Promise<void> {
  await changeProfile(db, userId, (trx) =>
    trx
      .updateTable("profiles")
      .set({ headline: input.headline, summary: input.summary ?? null, birthDate: input.birthDate ?? null })
      .where("userId", "=", userId)
      .execute(),
  );
}

export type AddItemResult = "added" | "duplicate" | "not_in_list" | "too_many";
const wasAdded = (r: AddItemResult) => r === "added";

/** Adds to a list; a label that matches the shared vocabulary is stored as that term. */
export async function addProfileTerm(db: Db, userId: string, kind: ProfileTermKind, label: string): Promise<AddItemResult> {
  return changeProfile(
    db,
    userId,
    async (trx) => {
      const vocabulary = termKindText[kind].vocabulary;
      const normalized = normalizeTerm(label);
      const term = vocabulary
        ? await trx
            .selectFrom("vocabularyTerms")
            .select(["id", "label", "normalized"])
            .where("kind", "=", vocabulary)
            .where("normalized", "=", normalized)
            .where("active", "=", 1)
            .executeTakeFirst()
        : undefined;
      // Industries must come from the list, so companies can filter on them.
      if (kind === "industry" && !term) return "not_in_list";
      const count = await countItems(trx, "profileTerms", userId, kind);
      if (count >= MAX_ITEMS_PER_LIST) return "too_many";
      const inserted = await trx
        .insertInto("profileTerms")
        .values({
          userId,
          kind,
          termId: term?.id ?? null,
          label: term?.label ?? label,
          normalized: term?.normalized ?? normalized,
          createdAt: new Date().toISOString(),
        })
        .onConflict((oc) => oc.columns(["userId", "kind", "normalized"]).doNothing())
        .executeTakeFirst();
      return inserted.numInsertedOrUpdatedRows === 0n ? "duplicate" : "added";
    },
    undefined,
    wasAdded,
  );
}

async function countItems(trx: Db, table: "profileTerms" | "experiences" | "accommodations", userId: string, kind?: ProfileTermKind) {
  const row =
    table === "profileTerms"
      ? await trx
          .selectFrom("profileTerms")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("userId", "=", userId)
          .$if(kind !== undefined, (q) => q.where("kind", "=", kind as ProfileTermKind))
          .executeTakeFirstOrThrow()
      : await trx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("userId", "=", userId)
          .executeTakeFirstOrThrow();
  return row.n;
}

/** Removes one of the user's own items; another user's id removes nothing. */
export async function removeProfileItem(db: Db, userId: string, table: "profileTerms" | "experiences" | "accommodations", id: number): Promise<boolean> {
  return changeProfile(
    db,
    userId,
    async (trx) => {
      const result = await trx.deleteFrom(table).where("id", "=", id).where("userId", "=", userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    undefined,
    (removed) => removed,
  );
}

export async function addExperience(db: Db, userId: string, input: { title: string; industry?: string; employer?: string; years?: number }): Promise<AddItemResult> {
  return changeProfile(
    db,
    userId,
    async (trx) => {
      // The same line twice (a double click on "Tilføj") would show twice to companies.
      const same = await trx
        .selectFrom("experiences")
        .select("id")
        .where("userId", "=", userId)
        .where((eb) => eb(eb.fn("lower", ["title"]), "=", input.title.toLowerCase()))
        .where("industry", "is not distinct from", input.industry ?? null)
        .where((eb) => eb(eb.fn("lower", ["employer"]), "is not distinct from", input.employer?.toLowerCase() ?? null))
        .where("years", "is not distinct from", input.years ?? null)
        .executeTakeFirst();
      if (same) return "duplicate";
      if ((await countItems(trx, "experiences", userId)) >= MAX_ITEMS_PER_LIST) return "too_many";
      await trx
        .insertInto("experiences")
        .values({
          userId,
          title: input.title,
          industry: input.industry ?? null,
          employer: input.employer ?? null,
          years: input.years ?? null,
          createdAt: new Date().toISOString(),
        })
        .execute();
      return "added" as const;
    },
    undefined,
    wasAdded,
  );
}

export async function setShowEmployerNames(db: Db, userId: string, show: boolean): Promise<void> {
  await changeProfile(db, userId, (trx) =>
    trx
      .updateTable("profiles")
      .set({ showEmployerNames: show ? 1 : 0 })
      .where("userId", "=", userId)
      .execute(),
  );
}

export async function updateWishes(
  db: Db,
  userId: string,
  input: { hoursMin: number; hoursMax: number; timesOfDay: TimeOfDay[]; postcode: string; maxCommuteKm: number; availability: Profile["availability"] },
): Promise<"saved" | "unknown_postcode"> {
  const place = findPostcode(input.postcode);
  if (!place) return "unknown_postcode";
  await changeProfile(db, userId, (trx) =>
    trx
      .updateTable("profiles")
      .set({
        hoursMin: input.hoursMin,
        hoursMax: input.hoursMax,
        timesOfDay: JSON.stringify(input.timesOfDay),
        postcode: place.code,
        lat: place.lat,
        lng: place.lng,
        maxCommuteKm: input.maxCommuteKm,
        availability: input.availability,
      })
      .where("userId", "=", userId)
      .execute(),
  );
  return "saved";
}

/** Skånebehov: from the shared list or free text; hidden from companies until switched on. */
export async function addAccommodation(db: Db, userId: string, label: string): Promise<AddItemResult> {
  return changeProfile(
    db,
    userId,
    async (trx) => {
      if ((await countItems(trx, "accommodations", userId)) >= MAX_ITEMS_PER_LIST) return "too_many";
      const normalized = normalizeTerm(label);
      const term = await trx
        .selectFrom("vocabularyTerms")
        .select(["id", "label"])
        .where("kind", "=", "accommodation")
        .where("normalized", "=", normalized)
        .where("active", "=", 1)
        .executeTakeFirst();
      const inserted = await trx
        .insertInto("accommodations")
        .values({ userId, termId: term?.id ?? null, label: term?.label ?? label, normalized, createdAt: new Date().toISOString() })
        .onConflict((oc) => oc.columns(["userId", "normalized"]).doNothing())
        .executeTakeFirst();
      return inserted.numInsertedOrUpdatedRows === 0n ? "duplicate" : "added";
    },
    undefined,
    wasAdded,
  );
}

export async function setAccommodationVisible(db: Db, userId: string, id: number, visible: boolean): Promise<"saved" | "not_found" | "needs_consent"> {
  if (visible && !(await hasHealthConsent(db, userId))) return "needs_consent";
  return changeProfile(db, userId, async (trx) => {
    const result = await trx
      .updateTable("accommodations")
      .set({ visibleToCompanies: visible ? 1 : 0 })
      .where("id", "=", id)
      .where("userId", "=", userId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? "saved" : "not_found";
  });
}

/** Gives or withdraws the explicit consent for skånebehov; withdrawing deletes every item at once (GDPR art. 7(3), 9). */
export async function setHealthConsent(db: Db, userId: string, give: boolean, version: string, now = new Date(), witnessedBy: string | null = null): Promise<void> {
  await changeProfile(
    db,
    userId,
    async (trx) => {
      if (give) {
        await giveConsent(trx, { userId, purpose: "health_data", textVersion: version, witnessedBy }, now);
      } else {
        await withdrawConsent(trx, userId, "health_data", now);
        await trx.deleteFrom("accommodations").where("userId", "=", userId).execute();
      }
    },
    now,
  );
}

export type PublishResult = "submitted" | "already_submitted" | "already_approved" | { missing: string[] };

/**
 * First publication goes to the staff queue; after approval the profile stays
 * approved and later edits show at once (as in Refleks).
 */
export async function publishProfile(db: Db, userId: string, now = new Date(), witnessedBy: string | null = null): Promise<PublishResult> {
  const details = await loadProfileDetails(db, userId);
  if (!details) return { missing: checkPublishable(null) };
  const missing = checkPublishable(details);
  if (missing.length > 0) return { missing };
  const { status } = details.profile;
  if (status === "pending") return "already_submitted";
  if (status === "approved") return "already_approved";
  const at = now.toISOString();
  await changeProfile(
    db,
    userId,
    async (trx) => {
      await giveConsent(trx, { userId, purpose: "profile_sharing", textVersion: SHARING_CONSENT_VERSION, witnessedBy }, now);
      await trx
        .updateTable("profiles")
        .set((eb) => ({
          status: "pending",
          hidden: 0,
          submittedAt: at,
          returnReason: null,
          firstPublishedAt: eb.fn.coalesce("firstPublishedAt", eb.val(at)),
        }))
        .where("userId", "=", userId)
        .execute();
    },
    now,
  );
  return "submitted";
}

/** The flexjobber's consents as "Mine data" shows them; `published`: a profile was ever published (so sharing can be given again). */
export async function consentChoices(db: Db, userId: string): Promise<{ health: boolean; sharing: boolean; published: boolean; accommodations: number }> {
  const [profile, health, sharing, accommodations] = await Promise.all([
    db.selectFrom("profiles").select("firstPublishedAt").where("userId", "=", userId).executeTakeFirst(),
    hasHealthConsent(db, userId),
    hasSharingConsent(db, userId),
    countItems(db, "accommodations", userId),
  ]);
  // The count says what withdrawing the health consent would delete.
  return { health, sharing, published: Boolean(profile?.firstPublishedAt), accommodations: Number(accommodations) };
}

/** Whether the flexjobber currently lets companies see the (anonymised) profile. */
export async function hasSharingConsent(db: Db, userId: string): Promise<boolean> {
  return hasConsent(db, userId, "profile_sharing");
}

/**
 * Gives again or withdraws (GDPR art. 7(3)) the consent to show the profile
 * to companies. Withdrawn, the flexjobber disappears for every company at
 * once: search, interests, requests and revealed identities (visibleProfiles).
 */
export async function setSharingConsent(db: Db, userId: string, give: boolean, now = new Date()): Promise<void> {
  await changeProfile(
    db,
    userId,
    (trx) => (give ? giveConsent(trx, { userId, purpose: "profile_sharing", textVersion: SHARING_CONSENT_VERSION }, now) : withdrawConsent(trx, userId, "profile_sharing", now)),
    now,
  );
}

/**
 * A confirmed hire ends the search: the profile is paused and set to "not
 * seeking", so no company contacts her about other jobs. She can show it
 * again from "Min profil" (she is told so).
 */
export async function pauseForNewJob(db: Db, userId: string, now = new Date()): Promise<void> {
  await changeProfile(db, userId, (trx) => trx.updateTable("profiles").set({ hidden: 1, availability: "not_seeking" }).where("userId", "=", userId).execute(), now);
}

/** Pausing hides the profile from every company search and page at once; resuming shows it again. */
export async function setProfileHidden(db: Db, userId: string, hidden: boolean, now = new Date()): Promise<void> {
  await changeProfile(
    db,
    userId,
    (trx) =>
      trx
        .updateTable("profiles")
        .set({ hidden: hidden ? 1 : 0 })
        .where("userId", "=", userId)
        .execute(),
    now,
  );
  if (!hidden) announceNews("profile"); // shown again: companies' saved searches may find her now
}
