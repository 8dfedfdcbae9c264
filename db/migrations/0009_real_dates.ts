import { type Kysely, sql } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// The database refuses a date that is not a real calendar day (date(x) IS x:
// "2026-02-30" and "2024-99-99" are refused), and an event time SQLite cannot
// read. SQLite cannot add a CHECK to an existing table, so BEFORE INSERT and
// BEFORE UPDATE triggers do the same. Bad rows already stored are reported and
// repaired first: a nullable date becomes NULL; a required one becomes the day
// SQLite reads it as, or the row goes when it cannot be read at all.

const DAYS: { table: string; column: string; required: boolean }[] = [
  { table: "profiles", column: "birth_date", required: false },
  { table: "openings", column: "start_date", required: false },
  { table: "openings", column: "deadline", required: false },
  { table: "employment_statuses", column: "from_date", required: true },
  { table: "activity_days", column: "day", required: true },
];
const INSTANTS: { table: string; column: string }[] = [
  { table: "events", column: "starts_at" },
  { table: "events", column: "ends_at" },
  { table: "events", column: "signup_deadline" },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, column, required } of DAYS) {
    const t = sql.table(table);
    const c = sql.ref(column);
    const bad = await sql<{ n: number }>`select count(*) as n from ${t} where ${c} is not null and date(${c}) is not ${c}`.execute(db);
    const n = Number(bad.rows[0]?.n ?? 0);
    if (n > 0) {
      console.warn(`[migration 0009] ${n} row(s) in ${table}.${column} held a date that does not exist; repaired.`);
      if (!required) {
        await sql`update ${t} set ${c} = null where date(${c}) is not ${c}`.execute(db);
      } else if (table === "activity_days") {
        await sql`delete from ${t} where date(${c}) is not ${c}`.execute(db);
      } else {
        await sql`update ${t} set ${c} = date(${c}) where date(${c}) is not null and date(${c}) is not ${c}`.execute(db);
        await sql`delete from ${t} where date(${c}) is null`.execute(db);
      }
    }
    const when = sql.raw(`new.${column} is not null and date(new.${column}) is not new.${column}`);
    const message = sql.lit(`${table}.${column} must be a calendar day (YYYY-MM-DD)`);
    for (const event of ["insert", "update"] as const) {
      const name = sql.raw(`${table}_${column}_is_a_day_on_${event}`);
      const on = event === "insert" ? sql.raw("insert") : sql.raw(`update of ${column}`);
      await sql`create trigger ${name} before ${on} on ${t} when ${when} begin select raise(abort, ${message}); end`.execute(db);
    }
  }
  for (const { table, column } of INSTANTS) {
    const t = sql.table(table);
    const c = sql.ref(column);
    const bad = await sql<{ n: number }>`select count(*) as n from ${t} where ${c} is not null and julianday(${c}) is null`.execute(db);
    if (Number(bad.rows[0]?.n ?? 0) > 0) console.warn(`[migration 0009] ${table}.${column} holds times that cannot be read; please check those events.`);
    const when = sql.raw(`new.${column} is not null and julianday(new.${column}) is null`);
    const message = sql.lit(`${table}.${column} must be a time (ISO 8601)`);
    for (const event of ["insert", "update"] as const) {
      const name = sql.raw(`${table}_${column}_is_a_time_on_${event}`);
      const on = event === "insert" ? sql.raw("insert") : sql.raw(`update of ${column}`);
      await sql`create trigger ${name} before ${on} on ${t} when ${when} begin select raise(abort, ${message}); end`.execute(db);
    }
  }
}
