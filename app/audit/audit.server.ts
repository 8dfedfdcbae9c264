import { paginate } from "~/utils/paging";

import type { Db } from "../../db/kysely";
import type { AuditAction } from "../../db/schema";

// Who at the jobcenter looked at whose data. Admins read it on "Logbog".

export async function writeAudit(db: Db, entry: { actorId: string | null; action: AuditAction; subjectUserId: string | null }, now = new Date()) {
  await db
    .insertInto("auditLog")
    .values({ ...entry, createdAt: now.toISOString() })
    .execute();
}

/** Logbog: newest first, a page at a time. */
export async function listAudit(db: Db, page = 1) {
  return paginate(
    async () =>
      (
        await db
          .selectFrom("auditLog")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    (limit, offset) =>
      db
        .selectFrom("auditLog as a")
        .leftJoin("users as actor", "actor.id", "a.actorId")
        .leftJoin("users as subject", "subject.id", "a.subjectUserId")
        .select(["a.id", "a.actorId", "a.action", "a.subjectUserId", "a.createdAt", "actor.name as actorName", "subject.name as subjectName"])
        .orderBy("a.id", "desc")
        .limit(limit)
        .offset(offset)
        .execute(),
    page,
  );
}
