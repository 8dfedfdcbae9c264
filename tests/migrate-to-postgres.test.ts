import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { seedDemo } from "~/demo/seed.server";
import { type CandidateFilters, searchCandidates } from "~/profiles/search.server";
import { rebuildSearchIndexes } from "~/schedule/search-indexes.server";
import { frequencyBuckets, ledighedsSeries } from "~/stats/metrics.server";
import { localDate } from "~/utils/dates";

import { db } from "../db/client.server";
import { copyToPostgres } from "../db/copy-to-postgres";
import { isPostgres, openDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { createOpening } from "./factories";

// npm run migrate-to-postgres: a municipality's SQLite file, moved
// into this file's PostgreSQL database, counts, finds and reports the same.

describe.skipIf(!isPostgres(db))("moving a municipality from SQLite to PostgreSQL", () => {
  it("copies every table with the same row counts, and search and statistics answer the same", { timeout: 120_000 }, async () => {
    const now = new Date();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "refleks-move-")), "kommune.sqlite");
    const source = openDatabase(file);
    await prepareDatabase(source.db);
    await seedDemo(source.db, now, { flexjobbers: 80, companies: 15, months: 9, seed: 7, liveOpenings: true });

    const report = await copyToPostgres(source.sqlite, db);
    expect(report.length).toBeGreaterThan(40);
    expect(report.filter((r) => r.sqlite !== r.postgres)).toEqual([]);
    expect(report.find((r) => r.table === "users")!.postgres).toBeGreaterThan(80);
    await rebuildSearchIndexes(db);

    const today = localDate(now);
    expect(await frequencyBuckets(db, today)).toEqual(await frequencyBuckets(source.db, today));
    const months = [today.slice(0, 7), today.slice(0, 7), today] as const;
    expect(await ledighedsSeries(db, ...months)).toEqual(await ledighedsSeries(source.db, ...months));

    const company = await db.selectFrom("companies").select("id").where("status", "=", "approved").orderBy("id").executeTakeFirstOrThrow();
    const everyone: CandidateFilters = { competences: [], certificates: [], sort: "newest", page: 1 };
    const [onPostgres, onSqlite] = await Promise.all([searchCandidates(db, company.id, everyone), searchCandidates(source.db, company.id, everyone)]);
    expect(onPostgres.total).toBe(onSqlite.total);
    expect(onPostgres.cards.map((c) => c.alias)).toEqual(onSqlite.cards.map((c) => c.alias));
    // Full-text search works on the copied texts (ranking may differ: bm25 against ts_rank).
    const word = onSqlite.cards[0]!.headline?.split(/\s+/).find((w) => w.length > 4) ?? "lager";
    expect((await searchCandidates(db, company.id, { ...everyone, q: word })).total).toBeGreaterThan(0);

    // New rows get ids after the copied ones.
    const before = await db
      .selectFrom("openings")
      .select((eb) => eb.fn.max("id").as("max"))
      .executeTakeFirstOrThrow();
    const opening = await createOpening(db, company.id);
    expect(opening.id).toBeGreaterThan(Number(before.max));
    await source.db.destroy();
  });

  it("refuses a PostgreSQL database that already has accounts", async () => {
    const source = openDatabase(":memory:");
    await prepareDatabase(source.db);
    await expect(copyToPostgres(source.sqlite, db)).rejects.toThrow(/has users already/);
    await source.db.destroy();
  });
});
