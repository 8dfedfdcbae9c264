import { describe, expect, it } from "vitest";

import { DEMO_LOGINS, seedDemo } from "~/demo/seed.server";

import { db } from "../db/client.server";
import { isPostgres, openPostgres } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { VOCABULARY_KINDS } from "../db/vocabularies/terms";
import { emptyDatabase, postgresTestUrl } from "./setup/postgres";

// Two app processes started at the same moment on a new PostgreSQL database
// (a deployment with two processes) both migrate, seed the vocabularies and, with the
// demo, seed the municipality: it must happen once.

describe.skipIf(!isPostgres(db))("two processes starting at once on a new database", () => {
  it("migrate it, seed the vocabularies and the demo once", { timeout: 120_000 }, async () => {
    const empty = await emptyDatabase(postgresTestUrl()!);
    const processes = [openPostgres(empty.url), openPostgres(empty.url)];
    try {
      const start = async (one: (typeof processes)[number]) => {
        await prepareDatabase(one);
        return seedDemo(one, new Date(), { flexjobbers: 20, companies: 5, months: 3, seed: 3, liveOpenings: false });
      };
      expect((await Promise.all(processes.map(start))).sort()).toEqual(["exists", "seeded"]);
      const [one] = processes;
      const twice = await one!
        .selectFrom("vocabularyTerms")
        .select(["kind", "normalized"])
        .groupBy(["kind", "normalized"])
        .having(({ fn }) => fn.countAll(), ">", 1)
        .execute();
      expect(twice).toEqual([]);
      const kinds = await one!.selectFrom("vocabularyTerms").select("kind").distinct().execute();
      expect(kinds.map((k) => k.kind).sort()).toEqual([...VOCABULARY_KINDS].sort());
      const admins = await one!.selectFrom("users").select("id").where("email", "=", DEMO_LOGINS[0].email).execute();
      expect(admins).toHaveLength(1);
    } finally {
      await Promise.all(processes.map((p) => p.destroy()));
      await empty.drop();
    }
  });
});
