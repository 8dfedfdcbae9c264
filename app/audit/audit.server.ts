import type { Db } from "../../db/kysely";
import type { AuditAction } from "../../db/schema";

// Who at the jobcenter looked at whose data. Admins read it on "Logbog".

export async function writeAudit(db: Db, entry: { actorId: string | null; action: AuditAction; subjectUserId: string }, now = new Date()) {
  await db.insertInto("auditLog").values({ ...entry, createdAt: now.toISOString() }).execute();
}

export async function listAudit(db: Db, { limit = 200 } = {}) {
  return db
    .selectFrom("auditLog as a")
    .leftJoin("users as actor", "actor.id", "a.actorId")
    .leftJoin("users as subject", "subject.id", "a.subjectUserId")
    .select(["a.id", "a.actorId", "a.action", "a.createdAt", "actor.name as actorName", "subject.name as subjectName"])
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
}
