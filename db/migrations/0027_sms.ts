import type { Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// SMS for citizens who are not online much (issue 25): a notification can also
// go as a short SMS, chosen per kind like email. SMS share the outgoing queue
// with email (its retries, backoff and staff's "Prøv igen"); `channel` tells
// them apart and `to_address` then holds the phone number. Written for both databases.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("email_queue")
    .addColumn("channel", "text", (c) => c.notNull().defaultTo("email"))
    .execute();
  await db.schema
    .alterTable("notification_preferences")
    .addColumn("sms_mode", "text", (c) => c.notNull().defaultTo("aldrig"))
    .execute();
  await db.schema
    .alterTable("notifications")
    .addColumn("sms_state", "text", (c) => c.notNull().defaultTo("skipped"))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("notifications").dropColumn("sms_state").execute();
  await db.schema.alterTable("notification_preferences").dropColumn("sms_mode").execute();
  await db.schema.alterTable("email_queue").dropColumn("channel").execute();
}
