import type { Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Outgoing email is queued in the same transaction as the change that causes
// it and sent by the server (with a timeout, retries and backoff), so a mail
// outage loses nothing and staff can see and resend what failed. The body is
// blanked once sent: an invitation link is a key.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("email_queue")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("invitation_id", "integer", (c) => c.references("invitations.id").onDelete("set null"))
    .addColumn("company_id", "integer", (c) => c.references("companies.id").onDelete("set null"))
    // pending → sending → sent | pending (retry later) | failed (staff decide)
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("email_queue_due").on("email_queue").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("email_queue_invitation").on("email_queue").column("invitation_id").execute();
}
