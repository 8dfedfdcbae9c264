import { formatDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { ContactRequestStatus } from "../../db/schema";
import { ALIAS_IN_TEXT, isVisibleFlexjobber, isVisibleTo, visibleProfiles } from "./visibility.server";

/** After a no, the same company may not ask again for this long. */
export const DECLINE_BLOCK_DAYS = 30;
/** A request not answered in this long expires: it counts as a quiet no, given on the day it expired. */
export const REQUEST_EXPIRES_DAYS = 30;
const DAY = 86_400_000;

/** Where a request stands now: a pending one past REQUEST_EXPIRES_DAYS has expired. */
export type RequestStatusNow = ContactRequestStatus | "expired";

/** Requests sent before this moment and still pending have expired. */
export function requestExpiryCutoff(now = new Date()): string {
  return new Date(now.getTime() - REQUEST_EXPIRES_DAYS * DAY).toISOString();
}

/** The one rule for a request's status now (stored status plus expiry). */
export function requestStatusNow(r: { status: ContactRequestStatus; createdAt: string }, now = new Date()): RequestStatusNow {
  return r.status === "pending" && r.createdAt < requestExpiryCutoff(now) ? "expired" : r.status;
}

/** When she said no to a request: the answer, or the day it expired unanswered; null for a yes or an open one. */
export function saidNoAt(r: { status: ContactRequestStatus; createdAt: string; answeredAt: string | null }, now = new Date()): string | null {
  if (r.status === "declined") return r.answeredAt ?? r.createdAt;
  if (requestStatusNow(r, now) === "expired") return new Date(new Date(r.createdAt).getTime() + REQUEST_EXPIRES_DAYS * DAY).toISOString();
  return null;
}

/** Name, email and phone: revealed to a company only after the flexjobber says yes. */
export interface RevealedIdentity {
  name: string;
  email: string;
  phone: string | null;
}

export async function revealedIdentity(db: Db, companyId: number, profileUserId: string): Promise<RevealedIdentity | null> {
  return (await revealedIdentities(db, companyId, [profileUserId])).get(profileUserId) ?? null;
}

/**
 * Identity is revealed to a company only when the flexjobber said yes to its
 * contact request, or chose to share it with an interest in one of its openings,
 * and only while the flexjobber is visible to the company at all.
 */
export async function revealedIdentities(db: Db, companyId: number, userIds: string[]): Promise<Map<string, RevealedIdentity>> {
  const out = new Map<string, RevealedIdentity>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom("users as u")
    .select(["u.id", "u.name", "u.email", "u.phone"])
    .where("u.id", "in", userIds)
    .where(isVisibleFlexjobber(db, "u.id", companyId))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom("contactRequests as r").select("r.id").whereRef("r.profileUserId", "=", "u.id").where("r.companyId", "=", companyId).where("r.status", "=", "accepted"),
        ),
        eb.exists(
          eb
            .selectFrom("interests as i")
            .innerJoin("openings as o", "o.id", "i.openingId")
            .select("i.id")
            .whereRef("i.userId", "=", "u.id")
            .where("o.companyId", "=", companyId)
            .where("i.identityShared", "=", 1)
            .where("i.withdrawnAt", "is", null),
        ),
      ]),
    )
    .execute();
  for (const { id, ...identity } of rows) out.set(id, identity);
  return out;
}

/**
 * A company's notices as it may read them. They name candidates by the alias
 * they had when written; one about a candidate the company may no longer see
 * (paused, returned, consent withdrawn, blocked, erased) is left out, and once
 * a candidate has said yes to this company her name stands beside the alias
 * ("Anna Holm (Fleksjobber 7KQ2) har sagt ja"). Read, not stored, so today's
 * rule applies to yesterday's notices.
 */
export async function noticesForCompany<T extends { title: string }>(db: Db, companyId: number, notices: T[]): Promise<T[]> {
  const named = [...new Set(notices.flatMap((n) => n.title.match(ALIAS_IN_TEXT) ?? []))];
  if (named.length === 0) return notices;
  const visible = await visibleProfiles(db, companyId).select(["p.userId", "p.alias"]).where("p.alias", "in", named).execute();
  const identities = await revealedIdentities(
    db,
    companyId,
    visible.map((p) => p.userId),
  );
  // Every alias the company may see, with her name when she said yes to it.
  const names = new Map(visible.map((p) => [p.alias, identities.get(p.userId)?.name ?? null]));
  return notices
    .filter((n) => (n.title.match(ALIAS_IN_TEXT) ?? []).every((alias) => names.has(alias)))
    .map((n) => ({ ...n, title: n.title.replace(ALIAS_IN_TEXT, (alias) => (names.get(alias) ? `${names.get(alias)} (${alias})` : alias)) }));
}

export type RequestState = { kind: "none" } | { kind: "pending"; sentAt: string } | { kind: "accepted" } | { kind: "blocked"; until: string };

/** Where this company stands with this flexjobber: may it ask, is it waiting, did they say yes? */
export async function requestState(db: Db, companyId: number, profileUserId: string, now = new Date()): Promise<RequestState> {
  const latest = await db
    .selectFrom("contactRequests")
    .select(["status", "createdAt", "answeredAt"])
    .where("companyId", "=", companyId)
    .where("profileUserId", "=", profileUserId)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!latest) return { kind: "none" };
  const status = requestStatusNow(latest, now);
  if (status === "pending") return { kind: "pending", sentAt: latest.createdAt };
  if (status === "accepted") return { kind: "accepted" };
  const until = new Date(new Date(saidNoAt(latest, now)!).getTime() + DECLINE_BLOCK_DAYS * DAY);
  return until > now ? { kind: "blocked", until: until.toISOString() } : { kind: "none" };
}

/** Why a new request cannot be sent now, in Danish for the company. */
export function refusalText(state: Exclude<RequestState, { kind: "none" }> | { kind: "no_opening" }): string {
  if (state.kind === "no_opening") return "Vælg et af jeres opslag, der er slået op, eller intet bestemt job.";
  if (state.kind === "pending") return "I har allerede sendt en forespørgsel. Vent på svar.";
  if (state.kind === "accepted") return "Borgeren har allerede sagt ja. Kontaktoplysningerne står ved borgeren.";
  return `Borgeren har sagt nej tak. I kan spørge igen fra ${formatDate(state.until)}.`;
}

export type SendResult = { kind: "sent"; requestId: number } | "not_found" | { kind: "no_opening" } | Exclude<RequestState, { kind: "none" }>;

/** A company asks a (visible) flexjobber, known to it only by alias, to get in touch. */
export async function sendContactRequest(
  db: Db,
  input: { companyId: number; sentBy: string; alias: string; message: string; openingId?: number | null },
  now = new Date(),
): Promise<SendResult> {
  return inTransaction(db, async (trx) => {
    const profile = await visibleProfiles(trx, input.companyId).select("p.userId").where("p.alias", "=", input.alias).executeTakeFirst();
    if (!profile) return "not_found";
    // Chosen on the candidate page: only an opening she can read now (an answer to an interest keeps its own).
    if (input.openingId != null && !(await ownOpening(trx, input.companyId, input.openingId, { published: true }))) return { kind: "no_opening" };
    return createContactRequest(trx, { companyId: input.companyId, sentBy: input.sentBy, message: input.message, profileUserId: profile.userId, openingId: input.openingId }, now);
  });
}

/** Whether the opening is the company's own (and, if asked, published now). */
async function ownOpening(db: Db, companyId: number, openingId: number, { published = false } = {}): Promise<boolean> {
  const row = await db
    .selectFrom("openings")
    .select("id")
    .where("id", "=", openingId)
    .where("companyId", "=", companyId)
    .$if(published, (q) => q.where("status", "=", "published"))
    .executeTakeFirst();
  return row !== undefined;
}

/** Asks one flexjobber by id (e.g. one who showed interest), if they are visible to the company. */
export async function createContactRequest(
  db: Db,
  input: { companyId: number; sentBy: string; profileUserId: string; message: string; openingId?: number | null },
  now = new Date(),
): Promise<SendResult> {
  return inTransaction(db, async (trx) => {
    if (!(await isVisibleTo(trx, input.profileUserId, input.companyId))) return "not_found";
    const openingId = input.openingId ?? null;
    if (openingId !== null && !(await ownOpening(trx, input.companyId, openingId))) return { kind: "no_opening" };
    const state = await requestState(trx, input.companyId, input.profileUserId, now);
    if (state.kind !== "none") return state;
    const { id } = await trx
      .insertInto("contactRequests")
      .values({
        companyId: input.companyId,
        profileUserId: input.profileUserId,
        sentBy: input.sentBy,
        message: input.message,
        createdAt: now.toISOString(),
        answeredAt: null,
        openingId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { kind: "sent", requestId: id };
  });
}

/** The flexjobber answers; only their own, still open requests can be answered. */
export async function answerContactRequest(
  db: Db,
  input: { userId: string; requestId: number; answer: "accepted" | "declined" },
  now = new Date(),
): Promise<"saved" | "not_found"> {
  const result = await db
    .updateTable("contactRequests")
    .set({ status: input.answer, answeredAt: now.toISOString() })
    .where("id", "=", input.requestId)
    .where("profileUserId", "=", input.userId)
    .where("status", "=", "pending")
    .where("createdAt", ">=", requestExpiryCutoff(now))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? "saved" : "not_found";
}

export interface FlexjobberRequestRow {
  id: number;
  companyName: string;
  senderName: string | null;
  message: string;
  status: RequestStatusNow;
  createdAt: string;
  /** The opening it is about, if any; `open` while she can read it on /job. */
  opening: { id: number; title: string; open: boolean } | null;
}

/** The flexjobber sees who is asking: company and sender by name, and the opening it is about. */
export async function listRequestsForFlexjobber(db: Db, userId: string, now = new Date()): Promise<FlexjobberRequestRow[]> {
  const rows = await db
    .selectFrom("contactRequests as r")
    .innerJoin("companies as c", "c.id", "r.companyId")
    .leftJoin("users as s", "s.id", "r.sentBy")
    .leftJoin("openings as o", "o.id", "r.openingId")
    .select([
      "r.id",
      "c.name as companyName",
      "s.name as senderName",
      "r.message",
      "r.status",
      "r.createdAt",
      "o.id as openingId",
      "o.title as openingTitle",
      "o.status as openingStatus",
    ])
    .where("r.profileUserId", "=", userId)
    .orderBy("r.id", "desc")
    .execute();
  return rows.map(({ openingId, openingTitle, openingStatus, ...r }) => ({
    ...r,
    status: requestStatusNow(r, now),
    opening: openingId !== null && openingTitle !== null ? { id: openingId, title: openingTitle, open: openingStatus === "published" } : null,
  }));
}

export interface CompanyRequestRow {
  id: number;
  alias: string;
  message: string;
  status: RequestStatusNow;
  createdAt: string;
  answeredAt: string | null;
  /** Present only when the flexjobber accepted. */
  identity: RevealedIdentity | null;
}

/** The company's sent requests to flexjobbers still visible to it; identity only on the accepted ones. */
export async function listRequestsForCompany(db: Db, companyId: number, now = new Date()): Promise<CompanyRequestRow[]> {
  const rows = await db
    .selectFrom("contactRequests as r")
    .innerJoin("profiles as p", "p.userId", "r.profileUserId")
    .innerJoin("users as u", "u.id", "r.profileUserId")
    .select(["r.id", "p.alias", "r.message", "r.status", "r.createdAt", "r.answeredAt", "u.name", "u.email", "u.phone"])
    .where("r.companyId", "=", companyId)
    .where(isVisibleFlexjobber(db, "r.profileUserId", companyId))
    .orderBy("r.id", "desc")
    .execute();
  return rows.map(({ name, email, phone, ...r }) => ({
    id: r.id,
    alias: r.alias,
    message: r.message,
    status: requestStatusNow(r, now),
    createdAt: r.createdAt,
    answeredAt: r.answeredAt,
    identity: r.status === "accepted" ? { name, email, phone } : null,
  }));
}
