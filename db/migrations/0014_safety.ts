import type { Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Safety in conversations (issue 14): a flexjobber blocks a company; anyone
// reports a message to staff, who dismiss, warn or suspend its author.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("company_blocks")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("company_blocks_pk", ["user_id", "company_id"])
    .execute();
  await db.schema.createIndex("company_blocks_company").on("company_blocks").column("company_id").execute();
  await db.schema
    .createTable("message_reports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("message_id", "integer", (c) => c.notNull().references("messages.id").onDelete("cascade"))
    .addColumn("reported_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    // open | dismissed | warned | suspended
    .addColumn("outcome", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("handled_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("handled_at", "text")
    .execute();
  await db.schema.createIndex("message_reports_open").on("message_reports").columns(["outcome", "id"]).execute();
}
