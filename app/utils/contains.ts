import { type RawBuilder, sql } from "kysely";

// "Contains" for the staff lists' search boxes, the same SQL on SQLite and
// PostgreSQL: case-insensitive, and a % or _ typed in the box is a character
// to look for, not a wildcard.

export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** The digits typed (a phone number, a CVR) within the column, its spaces ignored. */
export function containsDigits(column: string, digits: string): RawBuilder<boolean> {
  return sql<boolean>`replace(coalesce(${sql.ref(column)}, ''), ' ', '') like ${`%${digits}%`}`;
}
