import pg from "pg";

import { postgresUrl } from "../../db/kysely";

// With DATABASE_URL=postgres://… the integration suite runs on PostgreSQL:
// global setup migrates one template database, and each test file gets its
// own copy of it (CREATE DATABASE … TEMPLATE is a file copy, far quicker than
// migrating), as each file gets its own SQLite file otherwise.

export function postgresTestUrl(): URL | null {
  const url = postgresUrl();
  return url ? new URL(url) : null;
}

function withDatabase(url: URL, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
}

const templateName = (url: URL) => `${url.pathname.slice(1) || "refleks"}_test_template`;

/** Runs fn with a connection to the server's maintenance database. */
async function onServer<T>(url: URL, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Global setup: a freshly migrated template database with the vocabularies. */
export async function prepareTemplate(url: URL): Promise<void> {
  const name = templateName(url);
  await onServer(url, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
  const { openPostgres } = await import("../../db/kysely");
  const { prepareDatabase } = await import("../../db/prepare");
  const db = openPostgres(withDatabase(url, name));
  await prepareDatabase(db);
  await db.destroy();
}

/** A new database copied from the template, for one test file; returns its URL and how to drop it. */
export async function databaseForTestFile(url: URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${templateName(url).replace(/_template$/, "")}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(url, (c) => c.query(`create database "${name}" template "${templateName(url)}"`));
  return {
    url: withDatabase(url, name),
    drop: () => onServer(url, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

/** A new, empty database (not from the template), for tests of what a first start does. */
export async function emptyDatabase(url: URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${templateName(url).replace(/_template$/, "")}_empty_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(url, (c) => c.query(`create database "${name}"`));
  return {
    url: withDatabase(url, name),
    drop: () => onServer(url, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}
