import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Competence profiles, what companies may see of them, and who looked.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("profiles")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("alias", "text", (c) => c.notNull().unique())
    .addColumn("headline", "text")
    .addColumn("summary", "text")
    .addColumn("birth_date", "text")
    .addColumn("hours_min", "integer")
    .addColumn("hours_max", "integer")
    .addColumn("times_of_day", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("postcode", "text")
    .addColumn("lat", "real")
    .addColumn("lng", "real")
    .addColumn("max_commute_km", "integer")
    .addColumn("availability", "text", (c) => c.notNull().defaultTo("seeking"))
    .addColumn("show_employer_names", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("hidden", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("return_reason", "text")
    .addColumn("submitted_at", "text")
    .addColumn("approved_at", "text")
    .addColumn("approved_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("profiles_status").on("profiles").columns(["status", "hidden"]).execute();

  await db.schema
    .createTable("profile_terms")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("profiles.user_id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("term_id", "integer", (c) => c.references("vocabulary_terms.id").onDelete("set null"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("normalized", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("profile_terms_unique", ["user_id", "kind", "normalized"])
    .execute();
  await db.schema.createIndex("profile_terms_lookup").on("profile_terms").columns(["kind", "normalized"]).execute();

  await db.schema
    .createTable("experiences")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("profiles.user_id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("industry", "text")
    .addColumn("employer", "text")
    .addColumn("years", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("experiences_user").on("experiences").column("user_id").execute();

  await db.schema
    .createTable("accommodations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("profiles.user_id").onDelete("cascade"))
    .addColumn("term_id", "integer", (c) => c.references("vocabulary_terms.id").onDelete("set null"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("normalized", "text", (c) => c.notNull())
    .addColumn("visible_to_companies", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("accommodations_unique", ["user_id", "normalized"])
    .execute();

  // Only the anonymised text a company may see is indexed, so a search can never find a name.
  await sql`create virtual table profile_fts using fts5(user_id unindexed, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);

  await db.schema
    .createTable("contact_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("profile_user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("sent_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .execute();
  await db.schema.createIndex("contact_requests_pair").on("contact_requests").columns(["company_id", "profile_user_id"]).execute();
  await db.schema.createIndex("contact_requests_profile").on("contact_requests").columns(["profile_user_id", "status"]).execute();

  await db.schema
    .createTable("profile_views")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("profile_user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("viewer_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("viewed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("profile_views_profile").on("profile_views").columns(["profile_user_id", "viewed_at"]).execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("actor_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_created").on("audit_log").column("created_at").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["audit_log", "profile_views", "contact_requests", "accommodations", "experiences", "profile_terms"]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop table profile_fts`.execute(db);
  await db.schema.dropTable("profiles").execute();
}
