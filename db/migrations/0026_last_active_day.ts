import { type Kysely, sql } from "kysely";

import { isPostgres } from "../kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// "Opfølgning" asks, for every citizen, when she was last active: a max() over
// her ActivityDays per citizen took 180 ms per list at 50,000 citizens. This
// keeps that day on the user, by a trigger as ActivityDay rows arrive (like
// activity_years), so it is the same truth Statistik counts; an index on it
// turns "not active for 14 days" into a range read. Written for both databases.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("last_active_day", "text").execute();
  if (isPostgres(db)) {
    await sql`create function users_last_active_day() returns trigger language plpgsql as $$
      begin
        update users set last_active_day = new.day where id = new.user_id and (last_active_day is null or last_active_day < new.day);
        return new;
      end $$`.execute(db);
    await sql`create trigger users_last_active_day after insert on activity_days for each row execute function users_last_active_day()`.execute(db);
  } else {
    await sql`create trigger users_last_active_day after insert on activity_days
      begin
        update users set last_active_day = new.day where id = new.user_id and (last_active_day is null or last_active_day < new.day);
      end`.execute(db);
  }
  await sql`update users set last_active_day = (select max(a.day) from activity_days a where a.user_id = users.id)`.execute(db);
  // The worklist reads citizens by role, state and last active day, and needs only these columns.
  await db.schema.createIndex("users_activity").on("users").columns(["role", "status", "last_active_day", "id", "consultant_id"]).execute();
  // "Mine": a consultant's own citizens.
  await db.schema.createIndex("users_consultant").on("users").columns(["consultant_id", "role", "status"]).execute();
  // "No request since the opening was published": a company's requests by time.
  await db.schema.createIndex("contact_requests_company_time").on("contact_requests").columns(["company_id", "created_at"]).execute();
  // "No opening for 60 days": a company's newest opening.
  await db.schema.createIndex("openings_company_created").on("openings").columns(["company_id", "created_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("openings_company_created").execute();
  await db.schema.dropIndex("contact_requests_company_time").execute();
  await db.schema.dropIndex("users_consultant").execute();
  await db.schema.dropIndex("users_activity").execute();
  await sql`drop trigger users_last_active_day${isPostgres(db) ? sql` on activity_days` : sql``}`.execute(db);
  if (isPostgres(db)) await sql`drop function users_last_active_day()`.execute(db);
  await db.schema.alterTable("users").dropColumn("last_active_day").execute();
}
