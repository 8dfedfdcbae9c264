import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// - profile_sharing consents: publishing a profile has always meant "show it
//   to companies"; it is now recorded as a consent that can be withdrawn.
//   Every profile published before this migration gets one, dated at its
//   first publication.
// - users.last_seen_at / retention_warned_at / erased_at: retention (unused
//   accounts are warned, then erased) and erasure on request.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`insert into consents (user_id, purpose, text_version, given_at, withdrawn_at)
    select user_id, 'profile_sharing', 'deling-2026-11', first_published_at, null
    from profiles where first_published_at is not null`.execute(db);
  await db.schema.alterTable("users").addColumn("retention_warned_at", "text").execute();
  await db.schema.alterTable("users").addColumn("erased_at", "text").execute();
}
