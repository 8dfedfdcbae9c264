import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import { sql } from "kysely";
import { describe, expect, it } from "vitest";

import { db } from "../db/client.server";
import { isPostgres } from "../db/kysely";

// db/schema.ts is written by hand beside append-only migrations; this holds
// the two together: every table and column the types name exists in the
// migrated database (SQLite, or PostgreSQL with DATABASE_URL), and no table
// or column exists that the types do not name.

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Table → columns, as db/schema.ts declares them (Database's entries and their interfaces, in the database's snake_case). */
function declared(): Map<string, string[]> {
  const source = readFileSync(resolve(__dirname, "../db/schema.ts"), "utf8");
  const body = (name: string) => {
    const start = source.indexOf(`export interface ${name} {`);
    if (start < 0) throw new Error(`db/schema.ts has no interface ${name}`);
    return source.slice(source.indexOf("{", start) + 1, source.indexOf("\n}", start));
  };
  const fields = (text: string) =>
    text
      .replace(/\/\*\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "")
      .split("\n")
      .map((line) => /^\s*(\w+)\??:/.exec(line)?.[1])
      .filter((f): f is string => f !== undefined);
  const tables = new Map<string, string[]>();
  for (const line of body("Database").split("\n")) {
    const m = /^\s*(\w+): (\w+);/.exec(line);
    if (m) tables.set(snake(m[1]!), fields(body(m[2]!)).map(snake).sort());
  }
  return tables;
}

/** Table → columns in the migrated database, without the migrator's own tables and the full-text index's internals. */
async function migrated(): Promise<Map<string, string[]>> {
  const rows = isPostgres(db)
    ? (
        await sql<{ table: string; column: string }>`select table_name as "table", column_name as "column" from information_schema.columns where table_schema = 'public'`.execute(
          db,
        )
      ).rows
    : (
        await sql<{
          table: string;
          column: string;
        }>`select m.name as "table", p.name as "column" from sqlite_master m, pragma_table_info(m.name) p where m.type = 'table'`.execute(db)
      ).rows;
  const tables = new Map<string, string[]>();
  for (const { table, column } of rows) {
    if (/^(kysely_|sqlite_)|_fts_(data|idx|content|docsize|config)$/.test(table)) continue;
    tables.set(table, [...(tables.get(table) ?? []), column].sort());
  }
  return tables;
}

describe("db/schema.ts", () => {
  it("names exactly the tables and columns of the migrated database", async () => {
    const types = declared();
    const database = await migrated();
    expect(types.size).toBeGreaterThan(40);
    expect([...database.keys()].sort()).toEqual([...types.keys()].sort());
    for (const [table, columns] of types) {
      let found = database.get(table) ?? [];
      // Every SQLite table has a rowid without naming it; the full-text tables' types name it (PostgreSQL has a real column).
      if (!isPostgres(db) && columns.includes("rowid")) found = [...found, "rowid"].sort();
      // PostgreSQL's full-text tables keep the tsvector they search, which queries reach by raw SQL only.
      if (isPostgres(db) && table.endsWith("_fts")) found = found.filter((c) => c !== "document");
      expect(found, table).toEqual(columns);
    }
  });
});
