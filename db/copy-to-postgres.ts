import type SQLite from "better-sqlite3";
import { sql } from "kysely";

import type { Db } from "./kysely";

/**
 * Copies a municipality's SQLite database, table by table, into a migrated
 * PostgreSQL database that holds no accounts yet, in one transaction, and
 * counts the rows on both sides (npm run migrate-to-postgres).
 * The full-text documents are not copied: they are derived, and the caller
 * indexes everything again on PostgreSQL's terms.
 */
export interface CopiedTable {
  table: string;
  sqlite: number;
  postgres: number;
}

const BATCH = 500;
/** SQLite's own and kysely's bookkeeping, and the FTS5 tables (rebuilt, not copied). */
const NOT_COPIED = /^(sqlite_|kysely_)|(^|_)fts($|_)/;

export async function copyToPostgres(source: SQLite.Database, target: Db, onTable: (table: string, rows: number) => void = () => {}): Promise<CopiedTable[]> {
  const tables = inDependencyOrder(source);
  await target.transaction().execute(async (trx) => {
    const accounts = await sql<{ n: number }>`select count(*) as n from users`.execute(trx);
    if (Number(accounts.rows[0]!.n) > 0) throw new Error("The PostgreSQL database has users already. Use a new, empty database.");
    // What a fresh database was seeded with (vocabularies, settings) gives way to the municipality's own.
    await sql`truncate ${sql.join(tables.map((t) => sql.table(t.name)))} restart identity cascade`.execute(trx);
    for (const { name, selfReferences } of tables) {
      // Roll-ups and caches are copied as they are, so their triggers stay quiet meanwhile.
      await sql`alter table ${sql.table(name)} disable trigger user`.execute(trx);
      const columns = (source.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => c.name);
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const values = batch.map((row) => sql`(${sql.join(columns.map((c) => (selfReferences.includes(c) ? null : row[c])))})`);
        await sql`insert into ${sql.table(name)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(trx);
        batch = [];
      };
      let rows = 0;
      for (const row of source.prepare(`select * from "${name}"`).iterate() as Iterable<Record<string, unknown>>) {
        batch.push(row);
        rows++;
        if (batch.length === BATCH) await flush();
      }
      await flush();
      // A column pointing into its own table (a citizen's consultant) is filled in once every row is there.
      for (const column of selfReferences) {
        const key = primaryKey(source, name);
        for (const row of source.prepare(`select "${key}" as k, "${column}" as v from "${name}" where "${column}" is not null`).iterate() as Iterable<{ k: unknown; v: unknown }>) {
          await sql`update ${sql.table(name)} set ${sql.ref(column)} = ${row.v} where ${sql.ref(key)} = ${row.k}`.execute(trx);
        }
      }
      await sql`alter table ${sql.table(name)} enable trigger user`.execute(trx);
      // Ids made from here on follow the copied ones.
      if (columns.includes("id") && (await isIdentity(trx, name))) {
        await sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce((select max(id) from ${sql.table(name)}), 0) + 1, false)`.execute(trx);
      }
      onTable(name, rows);
    }
  });
  const report: CopiedTable[] = [];
  for (const { name } of tables) {
    const inSqlite = (source.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
    const inPostgres = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(target)).rows[0]!.n);
    report.push({ table: name, sqlite: inSqlite, postgres: inPostgres });
  }
  return report;
}

/** The tables to copy, each after the tables it refers to; a reference to itself is noted, not followed. */
function inDependencyOrder(source: SQLite.Database): { name: string; selfReferences: string[] }[] {
  const names = (source.prepare(`select name from sqlite_master where type = 'table' order by name`).all() as { name: string }[])
    .map((t) => t.name)
    .filter((n) => !NOT_COPIED.test(n));
  const refs = new Map(
    names.map((n) => [n, source.prepare(`select "table" as target, "from" as column from pragma_foreign_key_list(?)`).all(n) as { target: string; column: string }[]]),
  );
  const ordered: { name: string; selfReferences: string[] }[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: string[]) => {
    if (placed.has(name)) return;
    if (path.includes(name)) throw new Error(`The tables refer to each other in a circle: ${[...path, name].join(" → ")}`);
    for (const r of refs.get(name) ?? []) if (r.target !== name) place(r.target, [...path, name]);
    placed.add(name);
    ordered.push({ name, selfReferences: (refs.get(name) ?? []).filter((r) => r.target === name).map((r) => r.column) });
  };
  for (const n of names) place(n, []);
  return ordered;
}

function primaryKey(source: SQLite.Database, table: string): string {
  const pk = source.prepare(`select name from pragma_table_info(?) where pk = 1`).get(table) as { name: string } | undefined;
  if (!pk) throw new Error(`${table} has no single-column primary key`);
  return pk.name;
}

async function isIdentity(db: Db, table: string): Promise<boolean> {
  const row = await sql<{ identity: string }>`select is_identity as identity from information_schema.columns where table_name = ${table} and column_name = 'id'`.execute(db);
  return row.rows[0]?.identity === "YES";
}
