import { type Kysely, sql } from "kysely";

import { isPostgres } from "../kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// A contact request may be about one of the company's openings: the citizen's
// card names it, and a yes opens a conversation named after it. Null for a
// request about no opening in particular (and when the opening is deleted).
// Conversations opened by a yes were all called "Kontakt"; they take the name
// new ones get: "Fleksjob hos <company>". Written for both databases.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("contact_requests")
    .addColumn("opening_id", isPostgres(db) ? "bigint" : "integer", (c) => c.references("openings.id").onDelete("set null"))
    .execute();
  await sql`update threads set subject = 'Fleksjob hos ' || (select c.name from companies c where c.id = threads.company_id)
    where kind = 'contact' and subject = 'Kontakt' and company_id is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("contact_requests").dropColumn("opening_id").execute();
}
