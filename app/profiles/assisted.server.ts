import { writeAudit } from "~/audit/audit.server";
import { forbidden, requireUser } from "~/auth/guard.server";
import { sessionIdOf } from "~/auth/session.server";

import { db as appDb } from "../../db/client.server";
import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";

// "Udfyld profilen sammen med borgeren": at a meeting a consultant
// fills in the profile with a citizen who is not much online, in the same
// editor steps she would use. The staff member's session names the citizen
// (started on her page, ended from the profile); consents given at the meeting
// name the staff member as witness; every change is written to the audit log
// and kept for her, so her next visit shows what was written and by whom.

/** Who is editing a profile: the citizen herself, or staff with her. */
export interface ProfileEditor {
  /** The citizen whose profile it is. */
  userId: string;
  /** Set when staff are filling it in with her. */
  staff: { id: string; name: string; citizenName: string } | null;
}

/**
 * The guard of every step of the profile editor: a citizen on her own
 * profile, or a staff member whose session is filling in a citizen's (with
 * an active account). Anyone else: 403.
 */
export async function requireProfileEditor(request: Request): Promise<ProfileEditor> {
  const user = await requireUser(request, { roles: ["flexjobber", "staff", "admin"] });
  if (user.role === "flexjobber") return { userId: user.id, staff: null };
  const sessionId = sessionIdOf(request);
  const citizen = sessionId
    ? await appDb
        .selectFrom("sessions as s")
        .innerJoin("users as u", "u.id", "s.assistingUserId")
        .select(["u.id", "u.name"])
        .where("s.id", "=", sessionId)
        .where("u.role", "=", "flexjobber")
        .where("u.status", "=", "active")
        .executeTakeFirst()
    : undefined;
  if (!citizen) forbidden();
  return { userId: citizen.id, staff: { id: user.id, name: user.name, citizenName: citizen.name } };
}

/** The staff member who witnesses a consent given now, if staff are filling in the profile. */
export const witnessOf = (editor: ProfileEditor) => editor.staff?.id ?? null;

/**
 * Starts filling in the citizen's profile with her, in this staff session.
 * She must have an account (active): the profile is hers to change or
 * withdraw afterwards, and companies only ever see active citizens.
 */
export async function startAssisting(db: Db, input: { sessionId: string; staffId: string; citizenId: string }, now = new Date()): Promise<"started" | "no_account" | "not_found"> {
  return inTransaction(db, async (trx) => {
    const citizen = await trx.selectFrom("users").select("status").where("id", "=", input.citizenId).where("role", "=", "flexjobber").executeTakeFirst();
    if (!citizen || citizen.status === "erased") return "not_found";
    if (citizen.status !== "active") return "no_account";
    await trx.updateTable("sessions").set({ assistingUserId: input.citizenId }).where("id", "=", input.sessionId).where("userId", "=", input.staffId).execute();
    await writeAudit(trx, { actorId: input.staffId, action: "profile_assist_started", subjectUserId: input.citizenId }, now);
    return "started";
  });
}

/** Ends it: the session is the staff member's own again. */
export async function stopAssisting(db: Db, sessionId: string): Promise<void> {
  await db.updateTable("sessions").set({ assistingUserId: null }).where("id", "=", sessionId).execute();
}

/** After a change went through: when staff made it, it is kept for her and written to the audit log. */
export async function noteStaffEdit(db: Db, editor: ProfileEditor, step: string, now = new Date()): Promise<void> {
  if (!editor.staff) return;
  const staffId = editor.staff.id;
  await inTransaction(db, async (trx) => {
    await trx.insertInto("profileStaffEdits").values({ userId: editor.userId, staffId, step, createdAt: now.toISOString() }).execute();
    await writeAudit(trx, { actorId: staffId, action: "profile_edited_by_staff", subjectUserId: editor.userId }, now);
  });
}

/** What staff changed with her that she has not seen yet: per staff member and step, when last. */
export async function unseenStaffEdits(db: Db, userId: string) {
  const seen = await db.selectFrom("profiles").select("staffEditsSeenAt").where("userId", "=", userId).executeTakeFirst();
  let query = db
    .selectFrom("profileStaffEdits as e")
    .leftJoin("users as s", "s.id", "e.staffId")
    .select((eb) => ["e.step", "s.name as staffName", eb.fn.max("e.createdAt").as("at")])
    .where("e.userId", "=", userId)
    .groupBy(["e.step", "s.name"])
    .orderBy("at");
  if (seen?.staffEditsSeenAt) query = query.where("e.createdAt", ">", seen.staffEditsSeenAt);
  return (await query.execute()).map((r) => ({ step: r.step, staffName: r.staffName ?? "En medarbejder", at: String(r.at) }));
}

/** She has read what staff wrote: the notice goes away until staff change something again. */
export async function markStaffEditsSeen(db: Db, userId: string, now = new Date()): Promise<void> {
  await db.updateTable("profiles").set({ staffEditsSeenAt: now.toISOString() }).where("userId", "=", userId).execute();
}

/**
 * The action of a profile editor step: the guard, then the change; a change
 * that went through (a redirect) made by staff is noted as `step`. Called
 * from inside the route's `action` function, so the client bundle drops it.
 */
export async function editProfile<T>(request: Request, step: string, handle: (editor: ProfileEditor) => Promise<T>): Promise<T> {
  const editor = await requireProfileEditor(request);
  const result = await handle(editor);
  if (result instanceof Response && result.status >= 300 && result.status < 400) await noteStaffEdit(appDb, editor, step);
  return result;
}
