import type { Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Conversations inside the platform (issue 14). A thread belongs to a company
// (all its users are in it), a flexjobber, or both; staff take part when the
// thread is the jobcenter's own ("jobcenter") or when invited as consultant.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("threads")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    // contact | interest | jobcenter | consultant
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("company_id", "integer", (c) => c.references("companies.id").onDelete("cascade"))
    .addColumn("flexjobber_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("opening_id", "integer", (c) => c.references("openings.id").onDelete("set null"))
    .addColumn("contact_request_id", "integer", (c) => c.unique().references("contact_requests.id").onDelete("set null"))
    .addColumn("interest_id", "integer", (c) => c.unique().references("interests.id").onDelete("set null"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_message_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("threads_company").on("threads").columns(["company_id", "last_message_at"]).execute();
  await db.schema.createIndex("threads_flexjobber").on("threads").columns(["flexjobber_id", "last_message_at"]).execute();
  await db.schema
    .createTable("thread_consultants")
    .addColumn("thread_id", "integer", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("invited_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("invited_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("thread_consultants_pk", ["thread_id", "user_id"])
    .execute();
  await db.schema
    .createTable("messages")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("thread_id", "integer", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("messages_thread").on("messages").columns(["thread_id", "id"]).execute();
  await db.schema
    .createTable("thread_reads")
    .addColumn("thread_id", "integer", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("last_read_message_id", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("thread_reads_pk", ["thread_id", "user_id"])
    .execute();
}
