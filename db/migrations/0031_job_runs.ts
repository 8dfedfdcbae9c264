import type { Kysely } from "kysely";

import { isPostgres } from "../kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// The app runs its own schedule (issue 27): every run of a scheduled job, by
// the schedule, by "Kør nu" or by `npm run …`, is a row. A scheduled run is
// claimed by inserting its (job, slot) row: with several app processes on one
// database, the unique key lets exactly one of them have each slot.
// Written for both databases.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("job_runs")
    .addColumn("id", isPostgres(db) ? "bigint" : "integer", (c) => (isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn("job", "text", (c) => c.notNull())
    // The scheduled instant (ISO, UTC) the run is for; "manual:…" or "command:…" for runs started by hand.
    .addColumn("slot", "text", (c) => c.notNull())
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    // running | ok | failed
    .addColumn("outcome", "text", (c) => c.notNull())
    // What it did, as JSON counts ({"emails":12,"sms":1}): the log says it in English, Drift in Danish.
    .addColumn("summary", "text")
    .addColumn("error", "text")
    // The admin who pressed "Kør nu".
    .addColumn("started_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addUniqueConstraint("job_runs_slot", ["job", "slot"])
    .execute();
  await db.schema.createIndex("job_runs_recent").on("job_runs").columns(["job", "started_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("job_runs").execute();
}
