import type { Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Alerts (issue 14, part 4): saved searches with a high-water mark and the
// hits already told about, recommended openings told about once, and the
// deadline a company was last reminded of.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("saved_searches")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // candidates (a company's candidate search) | jobs (a flexjobber's job search)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    // The search as its page's query string, read by the page's own schema.
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    // High-water mark: profiles or openings changed after it are checked next time.
    .addColumn("checked_until", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("saved_searches_user").on("saved_searches").columns(["user_id", "id"]).execute();
  await db.schema
    .createTable("saved_search_hits")
    .addColumn("saved_search_id", "integer", (c) => c.notNull().references("saved_searches.id").onDelete("cascade"))
    // A profile's user id or an opening's id: each is told about once.
    .addColumn("item", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("saved_search_hits_pk", ["saved_search_id", "item"])
    .execute();
  await db.schema.createIndex("saved_search_hits_item").on("saved_search_hits").column("item").execute();
  await db.schema
    .createTable("recommended_openings")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("opening_id", "integer", (c) => c.notNull().references("openings.id").onDelete("cascade"))
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("recommended_openings_pk", ["user_id", "opening_id"])
    .execute();
  await db.schema.alterTable("openings").addColumn("deadline_reminded_for", "text").execute();
  await db.schema.createIndex("openings_changed").on("openings").columns(["status", "updated_at"]).execute();
  await db.schema.createIndex("profiles_changed").on("profiles").column("updated_at").execute();
}
