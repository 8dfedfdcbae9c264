import { type Kysely, type RawBuilder, sql } from "kysely";

import { isPostgres } from "./kysely";

/**
 * The few SQL functions SQLite and PostgreSQL spell differently, for the one
 * database db talks to. Everything else the app writes is common SQL.
 */
export interface PortableSql {
  /** 1-based position of needle in text, 0 when it is not there (instr / strpos). */
  position(text: RawBuilder<unknown>, needle: string | RawBuilder<unknown>): RawBuilder<number>;
  /** The larger of two values (scalar max / greatest). */
  greatest(a: RawBuilder<unknown>, b: RawBuilder<unknown> | number): RawBuilder<number>;
  /** A JSON object as text, from name → column (json_object / json_build_object). */
  jsonObject(fields: Record<string, RawBuilder<unknown>>): RawBuilder<string>;
  /** The elements of a JSON array of strings held in a text column, as a table with a `value` column. */
  jsonStrings(column: RawBuilder<unknown>): RawBuilder<{ value: string }>;
  /**
   * A scalar subquery: the rows `from` finds (a `from … where …` clause, usually correlated with the
   * outer row) as a JSON array of objects (name → column) in text, in `orderBy` order; "[]" for none.
   * A parent and its children in one statement instead of one per child table.
   */
  jsonRows(fields: Record<string, RawBuilder<unknown>>, from: RawBuilder<unknown>, orderBy: RawBuilder<unknown>): RawBuilder<string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function portableSql(db: Kysely<any>): PortableSql {
  const pg = isPostgres(db);
  const value = (v: RawBuilder<unknown> | number) => (typeof v === "number" ? sql.lit(v) : v);
  return {
    position: (text, needle) => (pg ? sql<number>`strpos(${text}, ${needle})` : sql<number>`instr(${text}, ${needle})`),
    greatest: (a, b) => (pg ? sql<number>`greatest(${a}, ${value(b)})` : sql<number>`max(${a}, ${value(b)})`),
    jsonObject: (fields) => {
      const args = sql.join(Object.entries(fields).map(([name, v]) => sql`${sql.lit(name)}, ${v}`));
      return pg ? sql<string>`json_build_object(${args})::text` : sql<string>`json_object(${args})`;
    },
    jsonRows: (fields, from, orderBy) => {
      const args = sql.join(Object.entries(fields).map(([name, v]) => sql`${sql.lit(name)}, ${v}`));
      return pg
        ? sql<string>`(select coalesce(json_agg(json_build_object(${args}) order by ${orderBy}), '[]')::text ${from})`
        : sql<string>`(select coalesce(json_group_array(json_object(${args}) order by ${orderBy}), '[]') ${from})`;
    },
    jsonStrings: (column) => (pg ? sql`json_array_elements_text(${column}::json)` : sql`json_each(${column})`),
  };
}
