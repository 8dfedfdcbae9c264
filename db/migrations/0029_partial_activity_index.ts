import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// 0026's index on users (role, status, last_active_day, …) was picked by the
// planner for Statistik's reads of all citizens by role and status, where a
// plain scan is faster (loadDashboard 172 → 208 ms at 50,000 citizens). Only
// the worklist needs it, and only for active citizens: a partial index is used
// by exactly those queries. Written for both databases.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("users_activity").execute();
  await db.schema
    .createIndex("users_active_citizens")
    .on("users")
    .columns(["last_active_day", "id", "consultant_id"])
    .where(sql.ref("role"), "=", "flexjobber")
    .where(sql.ref("status"), "=", "active")
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("users_active_citizens").execute();
  await db.schema.createIndex("users_activity").on("users").columns(["role", "status", "last_active_day", "id", "consultant_id"]).execute();
}
