import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// The login-frequency buckets read every ActivityDay in the window: at 50,000
// flexjobbers and 2,000,000 days that was ~800,000 rows and 250 ms per view
// (issue 16). This roll-up keeps, per person and year, which days had
// activity: one character per day of the year ('1' active, '0' not), kept by a
// trigger as ActivityDay rows arrive and recomputable from them
// (`npm run stats:rebuild`). Deleting a user deletes both.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("activity_years")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("days", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_years_pk", ["user_id", "year"])
    .modifyEnd(sql`without rowid`)
    .execute();
  // Day n of the year (1-based) is character n; 366 characters cover leap years.
  await sql`create trigger activity_years_on_day after insert on activity_days
    begin
      insert into activity_years (user_id, year, days) values (new.user_id, cast(substr(new.day, 1, 4) as integer), printf('%.366c', '0'))
        on conflict (user_id, year) do nothing;
      update activity_years
        set days = substr(days, 1, cast(strftime('%j', new.day) as integer) - 1) || '1' || substr(days, cast(strftime('%j', new.day) as integer) + 1)
        where user_id = new.user_id and year = cast(substr(new.day, 1, 4) as integer);
    end`.execute(db);
  await sql`insert into activity_years (user_id, year, days)
    select user_id, cast(substr(day, 1, 4) as integer), printf('%.366c', '0') from activity_days group by user_id, substr(day, 1, 4)`.execute(db);
  // "Had the account for the whole window" looks up who used an invitation after a day, and whether a person did before it.
  await db.schema.createIndex("invitations_used").on("invitations").columns(["used_at", "user_id"]).execute();
  await db.schema.createIndex("invitations_user_used").on("invitations").columns(["user_id", "used_at"]).execute();
  // The ledighedsprocent reads every status in person order: from the index alone.
  await db.schema.createIndex("employment_statuses_history").on("employment_statuses").columns(["user_id", "from_date", "id", "status"]).execute();
  // The visibility rule asks, per profile, for a current sharing consent: from the index alone.
  await db.schema.createIndex("consents_current").on("consents").columns(["user_id", "purpose", "withdrawn_at"]).execute();
  // Existing days, a person-year at a time (no bit operations in SQL; this is a one-off).
  const rows = await sql<{ userId: string; day: string }>`select user_id as "userId", day from activity_days order by user_id, day`.execute(db);
  const years = new Map<string, string[]>();
  for (const r of rows.rows) {
    const key = `${r.userId}\t${r.day.slice(0, 4)}`;
    let days = years.get(key);
    if (!days) years.set(key, (days = Array.from({ length: 366 }, () => "0")));
    const start = Date.UTC(Number(r.day.slice(0, 4)), 0, 1);
    days[(Date.parse(`${r.day}T00:00:00Z`) - start) / 86_400_000] = "1";
  }
  for (const [key, days] of years) {
    const [userId, year] = key.split("\t");
    await sql`update activity_years set days = ${days.join("")} where user_id = ${userId} and year = ${Number(year)}`.execute(db);
  }
}
