import { sql } from "kysely";

import { writeAudit } from "~/audit/audit.server";
import { revealedIdentities, saidNoAt } from "~/profiles/contact.server";
import { isVisibleFlexjobber } from "~/profiles/visibility.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { Role, ThreadKind } from "../../db/schema";
import { isStaffRole } from "../../db/schema";
import { announceMessage } from "./live.server";

// Conversations inside the platform ("Beskeder"). docs/decisions/009-threads.md.

export interface Viewer {
  id: string;
  role: Role;
  companyId: number | null;
}

export const MESSAGES_PER_PAGE = 30;
export const THREADS_PER_PAGE = 20;
export const JOBCENTER = "Jobcentret";

/**
 * The one rule for who takes part in a thread (reads and writes it):
 * - the flexjobber it is about;
 * - every user of its company, while the flexjobber (if any) is visible to
 *   the company (the one visibility rule: a paused profile or a withdrawn
 *   consent ends it), or was erased (the company keeps the thread, emptied,
 *   unless she had blocked it);
 * - staff: every "jobcenter" thread, and any thread they were invited into
 *   as consultant.
 */
export function threadsFor(db: Db, viewer: Viewer) {
  const base = db.selectFrom("threads as t");
  switch (viewer.role) {
    case "flexjobber":
      return base.where("t.flexjobberId", "=", viewer.id);
    case "company":
      return base.where("t.companyId", "=", viewer.companyId ?? -1).where((eb) =>
        eb.or([
          eb("t.flexjobberId", "is", null),
          isVisibleFlexjobber(db, "t.flexjobberId", viewer.companyId ?? -1),
          // An erased flexjobber's conversation stays for the company, without her words or name;
          // not for a company she blocked (her block outlives her account).
          eb(
            "t.flexjobberId",
            "in",
            eb
              .selectFrom("users as eu")
              .select("eu.id")
              .where("eu.status", "=", "erased")
              .where((e) =>
                e.not(
                  e.exists(
                    e
                      .selectFrom("companyBlocks as cb")
                      .select("cb.userId")
                      .whereRef("cb.userId", "=", "eu.id")
                      .where("cb.companyId", "=", viewer.companyId ?? -1),
                  ),
                ),
              ),
          ),
        ]),
      );
    case "staff":
    case "admin":
      return base.where((eb) =>
        eb.or([
          eb("t.kind", "=", "jobcenter"),
          eb.exists(eb.selectFrom("threadConsultants as tc").select("tc.threadId").whereRef("tc.threadId", "=", "t.id").where("tc.userId", "=", viewer.id)),
        ]),
      );
  }
}

/** The one rule for "Anmeld": a message by someone else, and not by the jobcenter, which the reports go to. */
export function isReportable(viewer: Viewer, message: { authorId: string | null; authorRole: Role | null }): boolean {
  return message.authorId !== null && message.authorId !== viewer.id && message.authorRole !== null && !isStaffRole(message.authorRole);
}

export interface ThreadListRow {
  id: number;
  kind: ThreadKind;
  subject: string;
  /** Who the conversation is with, as this viewer may name them. */
  withWhom: string;
  lastMessageAt: string;
  unread: number;
}

/** The viewer's threads, newest message first, with unread counts. */
export async function listThreads(db: Db, viewer: Viewer, page = 1): Promise<{ rows: ThreadListRow[]; page: number; pages: number }> {
  const total = await threadsFor(db, viewer)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(total.n / THREADS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await threadsFor(db, viewer)
    .leftJoin("companies as c", "c.id", "t.companyId")
    .leftJoin("profiles as p", "p.userId", "t.flexjobberId")
    .leftJoin("users as f", "f.id", "t.flexjobberId")
    .select((_eb) => [
      "t.id",
      "t.kind",
      "t.subject",
      "t.companyId",
      "t.flexjobberId",
      "t.lastMessageAt",
      "c.name as companyName",
      "p.alias",
      "f.name as flexjobberName",
      unreadMessages(db, viewer.id)
        .select((m) => m.fn.countAll<number>().as("n"))
        // The outer query's thread (the helper's own query cannot name it in its types).
        .where("m.threadId", "=", sql.ref<number>("t.id"))
        .as("unread"),
    ])
    .orderBy("t.lastMessageAt", "desc")
    .orderBy("t.id", "desc")
    .limit(THREADS_PER_PAGE)
    .offset((current - 1) * THREADS_PER_PAGE)
    .execute();
  const names =
    viewer.role === "company" && viewer.companyId !== null
      ? await revealedIdentities(
          db,
          viewer.companyId,
          rows.flatMap((r) => (r.flexjobberId ? [r.flexjobberId] : [])),
        )
      : null;
  return {
    page: current,
    pages,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subject: r.subject,
      lastMessageAt: r.lastMessageAt,
      unread: Number(r.unread ?? 0),
      withWhom: counterpart(viewer, {
        kind: r.kind,
        companyName: r.companyName,
        flexjobber: r.flexjobberId ? (viewer.role === "company" ? (names?.get(r.flexjobberId)?.name ?? r.alias ?? "Fleksjobber") : (r.flexjobberName ?? "Fleksjobber")) : null,
      }),
    })),
  };
}

function counterpart(viewer: Viewer, t: { kind: ThreadKind; companyName: string | null; flexjobber: string | null }): string {
  if (viewer.role === "flexjobber") return t.companyName ?? (t.kind === "consultant" ? "Din jobkonsulent" : JOBCENTER);
  if (viewer.role === "company") return t.flexjobber ?? JOBCENTER;
  return [t.companyName, t.flexjobber].filter(Boolean).join(" og ") || JOBCENTER;
}

/** The one rule for "unread": written by someone else, after the last message the reader has seen in that thread. */
function unreadMessages(db: Db, readerId: string) {
  return db
    .selectFrom("messages as m")
    .where((eb) => eb.or([eb("m.authorId", "is", null), eb("m.authorId", "!=", readerId)]))
    .where((eb) =>
      eb(
        "m.id",
        ">",
        eb.fn.coalesce(eb.selectFrom("threadReads as r").select("r.lastReadMessageId").whereRef("r.threadId", "=", "m.threadId").where("r.userId", "=", readerId), eb.val(0)),
      ),
    );
}

/** How many unread messages the viewer has in all their threads (the badge in the menu). */
export async function unreadCount(db: Db, viewer: Viewer): Promise<number> {
  const row = await unreadCountQuery(db, viewer).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The same count as a query, for a read that takes it with other things in one statement (the shell). */
export function unreadCountQuery(db: Db, viewer: Viewer) {
  return unreadMessages(db, viewer.id)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("m.threadId", "in", threadsFor(db, viewer).select("t.id"));
}

export interface MessageView {
  id: number;
  author: string;
  mine: boolean;
  /** "Anmeld" is offered: someone else's words, not the jobcenter's own. */
  reportable: boolean;
  /** Empty when the author's account was erased. */
  body: string;
  createdAt: string;
}

export interface ThreadView {
  id: number;
  kind: ThreadKind;
  subject: string;
  withWhom: string;
  messages: MessageView[];
  page: number;
  pages: number;
  /** The flexjobber's consultant may be invited (there is one, and they are not in yet). */
  canInviteConsultant: boolean;
  consultants: string[];
  /** The company in the conversation, if any (a flexjobber may block it). */
  company: string | null;
  /** She said no (declined the request, withdrew her interest): no one writes here any more. */
  endedByNo: boolean;
}

/**
 * One thread as the viewer may see it, newest page last (page 1 = the latest
 * messages). Marks it read. A consultant's reading is written to the audit log.
 * null when the viewer is not in the thread.
 */
export async function openThread(db: Db, viewer: Viewer, threadId: number, page = 1, now = new Date()): Promise<ThreadView | null> {
  const t = await threadsFor(db, viewer)
    .leftJoin("companies as c", "c.id", "t.companyId")
    .leftJoin("profiles as p", "p.userId", "t.flexjobberId")
    .leftJoin("users as f", "f.id", "t.flexjobberId")
    .select(["t.id", "t.kind", "t.subject", "t.companyId", "t.flexjobberId", "t.interestId", "c.name as companyName", "p.alias", "f.name as flexjobberName", "f.consultantId"])
    .where("t.id", "=", threadId)
    .executeTakeFirst();
  if (!t) return null;
  const count = await db
    .selectFrom("messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("threadId", "=", t.id)
    .executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(count.n / MESSAGES_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db
    .selectFrom("messages as m")
    .leftJoin("users as a", "a.id", "m.authorId")
    .leftJoin("companies as ac", "ac.id", "a.companyId")
    .select(["m.id", "m.authorId", "m.body", "m.createdAt", "a.name as authorName", "a.role as authorRole", "a.status as authorStatus", "ac.name as authorCompany"])
    .where("m.threadId", "=", t.id)
    .orderBy("m.id", "desc")
    .limit(MESSAGES_PER_PAGE)
    .offset((current - 1) * MESSAGES_PER_PAGE)
    .execute();
  const consultants = await db
    .selectFrom("threadConsultants as tc")
    .innerJoin("users as u", "u.id", "tc.userId")
    .select(["u.id", "u.name"])
    .where("tc.threadId", "=", t.id)
    .execute();
  // To a company, the flexjobber is her alias until she shares her name.
  const revealed = viewer.role === "company" && t.flexjobberId ? (await revealedIdentities(db, viewer.companyId ?? -1, [t.flexjobberId])).get(t.flexjobberId) : undefined;
  const flexjobberLabel = viewer.role === "company" ? (revealed?.name ?? t.alias ?? "Fleksjobber") : (t.flexjobberName ?? "Fleksjobber");
  // Her consultant in a conversation with a company is "Jobcentret" to the company: the
  // consultant's name would tell the company whose case she is (she did not choose to say).
  const consultantHidden = viewer.role === "company" && (t.kind === "contact" || t.kind === "interest");
  const authorLabel = (m: (typeof rows)[number]): string => {
    if (!m.authorId || m.authorStatus === "erased") return "Slettet bruger";
    if (m.authorRole === "flexjobber") return m.authorId === viewer.id ? "Dig" : flexjobberLabel;
    if (m.authorRole === "company") return `${m.authorName} (${m.authorCompany ?? "virksomhed"})`;
    return consultantHidden ? JOBCENTER : `${m.authorName} (${JOBCENTER})`;
  };
  const newest = rows[0]?.id;
  if (newest !== undefined && current === 1) await markRead(db, t.id, viewer.id, newest);
  if (isStaffRole(viewer.role) && t.kind !== "jobcenter" && t.flexjobberId) {
    await writeAudit(db, { actorId: viewer.id, action: "thread_read_by_consultant", subjectUserId: t.flexjobberId }, now);
  }
  const ended = await endedByNo(db, t);
  const canInvite =
    !ended &&
    (t.kind === "contact" || t.kind === "interest") &&
    (viewer.role === "flexjobber" || viewer.role === "company") &&
    t.consultantId !== null &&
    !consultants.some((c) => c.id === t.consultantId);
  return {
    id: t.id,
    kind: t.kind,
    subject: t.subject,
    withWhom: counterpart(viewer, { kind: t.kind, companyName: t.companyName, flexjobber: t.flexjobberId ? flexjobberLabel : null }),
    messages: rows.reverse().map((m) => ({
      id: m.id,
      author: authorLabel(m),
      mine: m.authorId === viewer.id,
      reportable: m.authorStatus !== "erased" && isReportable(viewer, m),
      body: m.authorStatus === "erased" ? "" : m.body,
      createdAt: m.createdAt,
    })),
    page: current,
    pages,
    canInviteConsultant: canInvite,
    consultants: consultantHidden ? (consultants.length > 0 ? [JOBCENTER] : []) : consultants.map((c) => c.name),
    company: t.companyName,
    endedByNo: ended,
  };
}

/**
 * The one rule for a conversation with a company that she ended: she said no
 * (declined the company's request or let it expire, or withdrew the interest
 * the thread is about), and the company has not had a request accepted since.
 * Then no one writes in it any more; she still reads it, and writes to the jobcenter.
 */
export async function endedByNo(
  db: Db,
  t: { kind: ThreadKind; companyId: number | null; flexjobberId: string | null; interestId: number | null },
  now = new Date(),
): Promise<boolean> {
  if ((t.kind !== "contact" && t.kind !== "interest") || t.companyId === null || t.flexjobberId === null) return false;
  const requests = await db
    .selectFrom("contactRequests")
    .select(["status", "createdAt", "answeredAt"])
    .where("companyId", "=", t.companyId)
    .where("profileUserId", "=", t.flexjobberId)
    .execute();
  const latest = (times: (string | null)[]) =>
    times
      .filter((at): at is string => at !== null)
      .sort()
      .at(-1) ?? null;
  const withdrawn = t.interestId ? ((await db.selectFrom("interests").select("withdrawnAt").where("id", "=", t.interestId).executeTakeFirst())?.withdrawnAt ?? null) : null;
  const noAt = latest([...requests.map((r) => saidNoAt(r, now)), withdrawn]);
  if (!noAt) return false;
  const yesAt = latest(requests.filter((r) => r.status === "accepted").map((r) => r.answeredAt));
  return !yesAt || yesAt < noAt;
}

async function markRead(db: Db, threadId: number, userId: string, messageId: number): Promise<void> {
  const result = await db
    .insertInto("threadReads")
    .values({ threadId, userId, lastReadMessageId: messageId })
    .onConflict((oc) => oc.columns(["threadId", "userId"]).doUpdateSet({ lastReadMessageId: messageId }).where("threadReads.lastReadMessageId", "<", messageId))
    .executeTakeFirst();
  // The reader's badge goes down (the page's own data was loaded alongside, before this).
  if (result.numInsertedOrUpdatedRows) await announceMessage(db, threadId);
}

async function addMessage(db: Db, threadId: number, authorId: string, body: string, now: Date): Promise<number> {
  const at = now.toISOString();
  const { id } = await db.insertInto("messages").values({ threadId, authorId, body, createdAt: at }).returning("id").executeTakeFirstOrThrow();
  await db.updateTable("threads").set({ lastMessageAt: at }).where("id", "=", threadId).execute();
  await markRead(db, threadId, authorId, id);
  // Streams re-read after this write commits: they wait for the one connection.
  await announceMessage(db, threadId);
  return id;
}

/**
 * Writes in a thread the viewer takes part in; "not_found" otherwise, and
 * "ended" when she said no (the route answers 403 to both; nothing is stored).
 */
export async function postMessage(db: Db, viewer: Viewer, threadId: number, body: string, now = new Date()): Promise<{ messageId: number } | "not_found" | "ended"> {
  return inTransaction(db, async (trx) => {
    const t = await threadsFor(trx, viewer).select(["t.id", "t.kind", "t.companyId", "t.flexjobberId", "t.interestId"]).where("t.id", "=", threadId).executeTakeFirst();
    if (!t) return "not_found" as const;
    if (await endedByNo(trx, t)) return "ended" as const;
    return { messageId: await addMessage(trx, t.id, viewer.id, body, now) };
  });
}

/**
 * The thread of an accepted contact request: exactly one. A request that
 * came from answering an interest already has its thread, which is reused.
 */
export async function threadForAcceptedRequest(db: Db, requestId: number, now = new Date()): Promise<number> {
  return inTransaction(db, async (trx) => {
    const existing = await trx.selectFrom("threads").select("id").where("contactRequestId", "=", requestId).executeTakeFirst();
    if (existing) return existing.id;
    const r = await trx
      .selectFrom("contactRequests as r")
      .innerJoin("companies as c", "c.id", "r.companyId")
      .leftJoin("openings as o", "o.id", "r.openingId")
      .select(["r.companyId", "r.profileUserId", "r.sentBy", "r.message", "r.createdAt", "r.openingId", "o.title as openingTitle", "c.name as companyName"])
      .where("r.id", "=", requestId)
      .executeTakeFirstOrThrow();
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("threads")
      .values({
        kind: "contact",
        companyId: r.companyId,
        flexjobberId: r.profileUserId,
        openingId: r.openingId,
        contactRequestId: requestId,
        interestId: null,
        // Named after what it is about, for both sides: the opening, or the company's flexjob.
        subject: r.openingTitle ?? `Fleksjob hos ${r.companyName}`,
        createdBy: r.sentBy,
        createdAt: at,
        lastMessageAt: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The request's own words open the conversation.
    if (r.sentBy) await trx.insertInto("messages").values({ threadId: id, authorId: r.sentBy, body: r.message, createdAt: r.createdAt }).execute();
    return id;
  });
}

/** A company answers an interest: the thread about that opening opens at once, anonymous until she shares her name. */
export async function openInterestThread(db: Db, input: { interestId: number; requestId: number; authorId: string; body: string }, now = new Date()): Promise<number> {
  return inTransaction(db, async (trx) => {
    const existing = await trx.selectFrom("threads").select("id").where("interestId", "=", input.interestId).executeTakeFirst();
    if (existing) {
      await addMessage(trx, existing.id, input.authorId, input.body, now);
      return existing.id;
    }
    const i = await trx
      .selectFrom("interests as i")
      .innerJoin("openings as o", "o.id", "i.openingId")
      .select(["i.userId", "o.id as openingId", "o.companyId", "o.title"])
      .where("i.id", "=", input.interestId)
      .executeTakeFirstOrThrow();
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("threads")
      .values({
        kind: "interest",
        companyId: i.companyId,
        flexjobberId: i.userId,
        openingId: i.openingId,
        contactRequestId: input.requestId,
        interestId: input.interestId,
        subject: i.title,
        createdBy: input.authorId,
        createdAt: at,
        lastMessageAt: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addMessage(trx, id, input.authorId, input.body, now);
    return id;
  });
}

/**
 * "Skriv til jobcentret": a company's thread is read by all staff; a
 * flexjobber's goes to her consultant when she has one, otherwise to all staff.
 */
export async function startJobcenterThread(db: Db, viewer: Viewer, input: { subject: string; body: string }, now = new Date()): Promise<number> {
  return inTransaction(db, async (trx) => {
    const at = now.toISOString();
    const consultantId =
      viewer.role === "flexjobber" ? ((await trx.selectFrom("users").select("consultantId").where("id", "=", viewer.id).executeTakeFirstOrThrow()).consultantId ?? null) : null;
    const { id } = await trx
      .insertInto("threads")
      .values({
        kind: consultantId ? "consultant" : "jobcenter",
        companyId: viewer.role === "company" ? viewer.companyId : null,
        flexjobberId: viewer.role === "flexjobber" ? viewer.id : null,
        openingId: null,
        contactRequestId: null,
        interestId: null,
        subject: input.subject,
        createdBy: viewer.id,
        createdAt: at,
        lastMessageAt: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (consultantId) await trx.insertInto("threadConsultants").values({ threadId: id, userId: consultantId, invitedBy: viewer.id, invitedAt: at }).execute();
    await addMessage(trx, id, viewer.id, input.body, now);
    return id;
  });
}

/** "Inviter min jobkonsulent": either side of a company conversation brings in the flexjobber's consultant. */
export async function inviteConsultant(db: Db, viewer: Viewer, threadId: number, now = new Date()): Promise<"invited" | "no_consultant" | "not_found"> {
  return inTransaction(db, async (trx) => {
    const t = await threadsFor(trx, viewer)
      .innerJoin("users as f", "f.id", "t.flexjobberId")
      .select(["t.id", "t.kind", "f.consultantId"])
      .where("t.id", "=", threadId)
      .executeTakeFirst();
    if (!t || (t.kind !== "contact" && t.kind !== "interest") || isStaffRole(viewer.role)) return "not_found";
    if (!t.consultantId) return "no_consultant";
    await trx
      .insertInto("threadConsultants")
      .values({ threadId: t.id, userId: t.consultantId, invitedBy: viewer.id, invitedAt: now.toISOString() })
      .onConflict((oc) => oc.columns(["threadId", "userId"]).doNothing())
      .execute();
    return "invited";
  });
}

/**
 * A citizen's consultant changed: in her conversations the former consultant
 * is replaced by the new one. Without a new one, her conversation with the
 * consultant goes to all staff (a "jobcenter" thread), so no one is left unread.
 */
export async function handOverConsultantThreads(db: Db, input: { flexjobberId: string; from: string; to: string | null }, now = new Date()): Promise<void> {
  const threads = await db
    .selectFrom("threadConsultants as tc")
    .innerJoin("threads as t", "t.id", "tc.threadId")
    .select(["t.id", "t.kind"])
    .where("t.flexjobberId", "=", input.flexjobberId)
    .where("tc.userId", "=", input.from)
    .execute();
  for (const t of threads) {
    await db.deleteFrom("threadConsultants").where("threadId", "=", t.id).where("userId", "=", input.from).execute();
    if (input.to) {
      await db
        .insertInto("threadConsultants")
        .values({ threadId: t.id, userId: input.to, invitedBy: null, invitedAt: now.toISOString() })
        .onConflict((oc) => oc.columns(["threadId", "userId"]).doNothing())
        .execute();
    } else if (t.kind === "consultant") {
      await db.updateTable("threads").set({ kind: "jobcenter" }).where("id", "=", t.id).execute();
    }
  }
}

/**
 * Staff write to a citizen or a company ("Skriv" on Opfølgning). To a citizen
 * it is her conversation with her consultant: this staff member's open one is
 * continued, or a new one is started with them as its consultant. To a company
 * it is a jobcenter thread (all staff read it). null when there is no such
 * citizen or approved company.
 */
export async function startStaffThread(
  db: Db,
  staff: Viewer,
  to: { citizenId: string } | { companyId: number },
  input: { subject: string; body: string },
  now = new Date(),
): Promise<number | null> {
  return inTransaction(db, async (trx) => {
    const at = now.toISOString();
    if ("citizenId" in to) {
      const citizen = await trx.selectFrom("users").select("id").where("id", "=", to.citizenId).where("role", "=", "flexjobber").where("status", "=", "active").executeTakeFirst();
      if (!citizen) return null;
      const open = await trx
        .selectFrom("threads as t")
        .innerJoin("threadConsultants as tc", "tc.threadId", "t.id")
        .select("t.id")
        .where("t.kind", "=", "consultant")
        .where("t.flexjobberId", "=", citizen.id)
        .where("tc.userId", "=", staff.id)
        .orderBy("t.lastMessageAt", "desc")
        .executeTakeFirst();
      if (open) {
        await addMessage(trx, open.id, staff.id, input.body, now);
        return open.id;
      }
      const { id } = await trx
        .insertInto("threads")
        .values({
          kind: "consultant",
          companyId: null,
          flexjobberId: citizen.id,
          openingId: null,
          contactRequestId: null,
          interestId: null,
          subject: input.subject,
          createdBy: staff.id,
          createdAt: at,
          lastMessageAt: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("threadConsultants").values({ threadId: id, userId: staff.id, invitedBy: staff.id, invitedAt: at }).execute();
      await addMessage(trx, id, staff.id, input.body, now);
      return id;
    }
    const company = await trx.selectFrom("companies").select("id").where("id", "=", to.companyId).where("status", "=", "approved").executeTakeFirst();
    if (!company) return null;
    const { id } = await trx
      .insertInto("threads")
      .values({
        kind: "jobcenter",
        companyId: company.id,
        flexjobberId: null,
        openingId: null,
        contactRequestId: null,
        interestId: null,
        subject: input.subject,
        createdBy: staff.id,
        createdAt: at,
        lastMessageAt: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addMessage(trx, id, staff.id, input.body, now);
    return id;
  });
}
