import { sendNotice } from "~/email/email.server";
import { reportWarningNotice } from "~/email/messages.server";
import { paginate } from "~/utils/paging";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { ReportOutcome } from "../../db/schema";
import { isReportable, threadsFor, type Viewer } from "./threads.server";

// Safety in conversations: a flexjobber blocks a company (the block lives in
// the one visibility rule, profiles/visibility.server.ts), and anyone reports
// a message to staff ("Indberetninger").

/** Blocks the company of one of her conversations. */
export async function blockThreadCompany(db: Db, viewer: Viewer, threadId: number, now = new Date()): Promise<"blocked" | "not_found"> {
  if (viewer.role !== "flexjobber") return "not_found";
  const t = await threadsFor(db, viewer).select("t.companyId").where("t.id", "=", threadId).executeTakeFirst();
  if (!t?.companyId) return "not_found";
  await blockCompany(db, viewer.id, t.companyId, now);
  return "blocked";
}

export async function blockCompany(db: Db, userId: string, companyId: number, now = new Date()): Promise<void> {
  await db
    .insertInto("companyBlocks")
    .values({ userId, companyId, createdAt: now.toISOString() })
    .onConflict((oc) => oc.columns(["userId", "companyId"]).doNothing())
    .execute();
}

export async function unblockCompany(db: Db, userId: string, companyId: number): Promise<void> {
  await db.deleteFrom("companyBlocks").where("userId", "=", userId).where("companyId", "=", companyId).execute();
}

export async function listBlockedCompanies(db: Db, userId: string) {
  return db
    .selectFrom("companyBlocks as b")
    .innerJoin("companies as c", "c.id", "b.companyId")
    .select(["c.id", "c.name", "b.createdAt"])
    .where("b.userId", "=", userId)
    .orderBy("c.name")
    .execute();
}

/** Reports one person may make in an hour: enough for a bad day, too few to flood Indberetninger. */
export const REPORTS_PER_HOUR = 10;

/**
 * Reports someone else's message in the thread named (the one the viewer is
 * on, and takes part in). One report per person and message: reporting it
 * again changes nothing; "too_many" past REPORTS_PER_HOUR.
 */
export async function reportMessage(
  db: Db,
  viewer: Viewer,
  input: { threadId: number; messageId: number; reason: string | undefined },
  now = new Date(),
): Promise<"reported" | "already" | "too_many" | "not_found"> {
  return inTransaction(db, async (trx) => {
    const message = await trx
      .selectFrom("messages as m")
      .leftJoin("users as a", "a.id", "m.authorId")
      .select(["m.id", "m.authorId", "a.role as authorRole"])
      .where("m.id", "=", input.messageId)
      .where("m.threadId", "=", input.threadId)
      .where("m.threadId", "in", threadsFor(trx, viewer).select("t.id"))
      .executeTakeFirst();
    if (!message || !isReportable(viewer, message)) return "not_found";
    const mine = trx.selectFrom("messageReports").where("reportedBy", "=", viewer.id);
    if (await mine.select("id").where("messageId", "=", message.id).executeTakeFirst()) return "already";
    const lastHour = await mine
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("createdAt", ">", new Date(now.getTime() - 3_600_000).toISOString())
      .executeTakeFirstOrThrow();
    if (Number(lastHour.n) >= REPORTS_PER_HOUR) return "too_many";
    await trx
      .insertInto("messageReports")
      .values({ messageId: message.id, reportedBy: viewer.id, reason: input.reason ?? null, createdAt: now.toISOString(), handledBy: null, handledAt: null })
      .execute();
    return "reported";
  });
}

/** Staff's queue: reports not handled yet, oldest first, with the message and who wrote it. */
export async function listOpenReports(db: Db, page = 1) {
  const open = db.selectFrom("messageReports as r").where("r.outcome", "=", "open");
  return paginate(
    async () => (await open.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
    (limit, offset) =>
      open
        .innerJoin("messages as m", "m.id", "r.messageId")
        .innerJoin("threads as t", "t.id", "m.threadId")
        .leftJoin("users as a", "a.id", "m.authorId")
        .leftJoin("companies as ac", "ac.id", "a.companyId")
        .leftJoin("users as rep", "rep.id", "r.reportedBy")
        .select([
          "r.id",
          "r.reason",
          "r.createdAt",
          "m.body",
          "m.createdAt as writtenAt",
          "t.subject",
          "a.name as authorName",
          "a.role as authorRole",
          "a.status as authorStatus",
          "ac.name as authorCompany",
          "rep.name as reporterName",
        ])
        .orderBy("r.id")
        .limit(limit)
        .offset(offset)
        .execute(),
    page,
  );
}

/**
 * Staff decide: dismiss, warn the author by email, or suspend the author (the
 * standing check at every request ends their sessions at once). Staff cannot
 * be suspended from here.
 */
export async function handleReport(db: Db, staffId: string, reportId: number, outcome: Exclude<ReportOutcome, "open">, now = new Date()): Promise<"done" | "not_found"> {
  const author = await inTransaction(db, async (trx) => {
    const report = await trx
      .selectFrom("messageReports as r")
      .innerJoin("messages as m", "m.id", "r.messageId")
      .leftJoin("users as a", "a.id", "m.authorId")
      .select(["r.id", "a.id as authorId", "a.role as authorRole", "a.name as authorName", "a.email as authorEmail"])
      .where("r.id", "=", reportId)
      .where("r.outcome", "=", "open")
      .executeTakeFirst();
    if (!report) return null;
    await trx.updateTable("messageReports").set({ outcome, handledBy: staffId, handledAt: now.toISOString() }).where("id", "=", report.id).execute();
    if (outcome === "suspended" && report.authorId && (report.authorRole === "company" || report.authorRole === "flexjobber")) {
      await trx.updateTable("users").set({ status: "suspended" }).where("id", "=", report.authorId).where("status", "=", "active").execute();
    }
    return report;
  });
  if (!author) return "not_found";
  if (outcome === "warned" && author.authorEmail && author.authorName) await sendNotice(db, reportWarningNotice({ to: author.authorEmail, name: author.authorName }));
  return "done";
}
