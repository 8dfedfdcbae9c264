import type { Db } from "../../db/kysely";
import { newMessageEmail } from "~/email/messages.server";
import { appUrl } from "~/env.server";
import { notify } from "~/notifications/notifications.server";
import { threadsFor } from "./threads.server";

/**
 * A new message: every other member hears of it (as each chose: at once, in
 * the digest, or not by email). The notice names the conversation only,
 * never the writer, so it says nothing a page would not. Staff on a
 * jobcenter thread: those who have written in it, or all staff for a new one.
 */
export async function noticeNewMessage(db: Db, threadId: number, authorId: string, now = new Date()): Promise<void> {
  const t = await db.selectFrom("threads").select(["id", "kind", "subject", "companyId", "flexjobberId"]).where("id", "=", threadId).executeTakeFirst();
  if (!t) return;
  const candidates = new Set<string>();
  if (t.flexjobberId) candidates.add(t.flexjobberId);
  if (t.companyId !== null) {
    const colleagues = await db.selectFrom("users").select("id").where("companyId", "=", t.companyId).where("status", "=", "active").execute();
    for (const c of colleagues) candidates.add(c.id);
  }
  const consultants = await db.selectFrom("threadConsultants").select("userId").where("threadId", "=", t.id).execute();
  for (const c of consultants) candidates.add(c.userId);
  if (t.kind === "jobcenter") {
    const writers = await db
      .selectFrom("messages as m")
      .innerJoin("users as u", "u.id", "m.authorId")
      .select("u.id")
      .where("m.threadId", "=", t.id)
      .where("u.role", "in", ["staff", "admin"])
      .distinct()
      .execute();
    const staff = writers.length > 0 ? writers : await db.selectFrom("users").select("id").where("role", "in", ["staff", "admin"]).where("status", "=", "active").execute();
    for (const s of staff) candidates.add(s.id);
  }
  candidates.delete(authorId);
  const link = `/beskeder/${t.id}`;
  for (const userId of candidates) {
    const user = await db.selectFrom("users").select(["id", "name", "email", "role", "companyId", "status"]).where("id", "=", userId).executeTakeFirst();
    if (!user || user.status !== "active") continue;
    // Only people the one thread rule lets in (a blocked company, a paused profile's company: no).
    const member = await threadsFor(db, { id: user.id, role: user.role, companyId: user.companyId }).select("t.id").where("t.id", "=", t.id).executeTakeFirst();
    if (!member) continue;
    await notify(
      db,
      { userId: user.id, kind: "message", title: `Ny besked: ${t.subject}`, link, email: newMessageEmail({ to: user.email, name: user.name, subject: t.subject, url: `${appUrl()}${link}` }) },
      now,
    );
  }
}
