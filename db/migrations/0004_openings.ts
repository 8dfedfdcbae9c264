import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Openings, saved openings, interests, hires and employment status history.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Adoption (METRICS.md) counts profiles "published at least once".
  await db.schema.alterTable("profiles").addColumn("first_published_at", "text").execute();
  await sql`update profiles set first_published_at = submitted_at where submitted_at is not null`.execute(db);

  await db.schema
    .createTable("openings")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("tasks", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("hours_min", "integer", (c) => c.notNull())
    .addColumn("hours_max", "integer", (c) => c.notNull())
    .addColumn("flexibility", "text", (c) => c.notNull())
    .addColumn("postcode", "text")
    .addColumn("lat", "real")
    .addColumn("lng", "real")
    .addColumn("remote", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("industry", "text", (c) => c.notNull())
    .addColumn("start_date", "text")
    .addColumn("deadline", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("closed_at", "text")
    .execute();
  await db.schema.createIndex("openings_company").on("openings").column("company_id").execute();
  await db.schema.createIndex("openings_status").on("openings").columns(["status", "deadline"]).execute();

  // Competences (required or nice to have) and accommodations offered, from the shared vocabularies.
  await db.schema
    .createTable("opening_terms")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("opening_id", "integer", (c) => c.notNull().references("openings.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("normalized", "text", (c) => c.notNull())
    .addUniqueConstraint("opening_terms_unique", ["opening_id", "kind", "normalized"])
    .execute();

  await sql`create virtual table opening_fts using fts5(opening_id unindexed, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);

  await db.schema
    .createTable("saved_openings")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("opening_id", "integer", (c) => c.notNull().references("openings.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("saved_openings_pk", ["user_id", "opening_id"])
    .execute();

  await db.schema
    .createTable("interests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("opening_id", "integer", (c) => c.notNull().references("openings.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("message", "text")
    .addColumn("identity_shared", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("stage", "text", (c) => c.notNull().defaultTo("new"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("interests_unique", ["opening_id", "user_id"])
    .execute();
  await db.schema.createIndex("interests_user").on("interests").column("user_id").execute();

  // "Ansat" marked by a company; staff confirm it, which records employment.
  await db.schema
    .createTable("hires")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("opening_id", "integer", (c) => c.references("openings.id").onDelete("set null"))
    .addColumn("interest_id", "integer", (c) => c.references("interests.id").onDelete("set null"))
    .addColumn("marked_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("marked_at", "text", (c) => c.notNull())
    .addColumn("confirmed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("confirmed_at", "text")
    .addColumn("cancelled_at", "text")
    .execute();
  await db.schema.createIndex("hires_open").on("hires").columns(["confirmed_at", "cancelled_at"]).execute();

  await db.schema
    .createTable("employment_statuses")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("from_date", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("hire_id", "integer", (c) => c.references("hires.id").onDelete("set null"))
    .addColumn("recorded_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("employment_statuses_user").on("employment_statuses").columns(["user_id", "from_date"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["employment_statuses", "hires", "interests", "saved_openings", "opening_terms"]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop table opening_fts`.execute(db);
  await db.schema.dropTable("openings").execute();
  await db.schema.alterTable("profiles").dropColumn("first_published_at").execute();
}
