import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";

import type { Db } from "../../db/kysely";

/**
 * Where lucia keeps sessions: the `sessions` table through kysely, so the
 * same code runs on SQLite and PostgreSQL (lucia's own adapters are one per
 * driver). Expiry is stored in whole seconds, as lucia's SQLite adapter did.
 */
export function sessionStore(db: Db): Adapter {
  const toSession = (row: { id: string; userId: string; expiresAt: number; activityDay: string | null }): DatabaseSession => ({
    id: row.id,
    userId: row.userId,
    expiresAt: new Date(Number(row.expiresAt) * 1000),
    attributes: { activityDay: row.activityDay },
  });
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

  return {
    async getSessionAndUser(sessionId): Promise<[DatabaseSession | null, DatabaseUser | null]> {
      const row = await db
        .selectFrom("sessions as s")
        .innerJoin("users as u", "u.id", "s.userId")
        // The company's status comes along, so the door's standing check needs no second read.
        .leftJoin("companies as c", "c.id", "u.companyId")
        .select(["s.id", "s.userId", "s.expiresAt", "s.activityDay", "u.email", "u.name", "u.role", "u.status", "u.companyId", "u.isCompanyAdmin", "c.status as companyStatus"])
        .where("s.id", "=", sessionId)
        .executeTakeFirst();
      if (!row) return [null, null];
      const user: DatabaseUser = {
        id: row.userId,
        attributes: {
          email: row.email,
          name: row.name,
          role: row.role,
          status: row.status,
          companyId: row.companyId,
          isCompanyAdmin: row.isCompanyAdmin,
          companyStatus: row.companyStatus,
        },
      };
      return [toSession(row), user];
    },
    async getUserSessions(userId) {
      const rows = await db.selectFrom("sessions").select(["id", "userId", "expiresAt", "activityDay"]).where("userId", "=", userId).execute();
      return rows.map(toSession);
    },
    async setSession(session) {
      const { activityDay, loginMethod = null, idToken = null } = session.attributes;
      await db
        .insertInto("sessions")
        .values({ id: session.id, userId: session.userId, expiresAt: seconds(session.expiresAt), activityDay, loginMethod, idToken })
        .execute();
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await db
        .updateTable("sessions")
        .set({ expiresAt: seconds(expiresAt) })
        .where("id", "=", sessionId)
        .execute();
    },
    async deleteSession(sessionId) {
      await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
    },
    async deleteUserSessions(userId) {
      await db.deleteFrom("sessions").where("userId", "=", userId).execute();
    },
    async deleteExpiredSessions() {
      await db.deleteFrom("sessions").where("expiresAt", "<=", seconds(new Date())).execute();
    },
  };
}
