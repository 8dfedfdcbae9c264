import { describe, expect, it } from "vitest";
import { db } from "../db/client.server";
import { countingQueries } from "../db/query-stats";
import * as jobsPage from "~/routes/job";
import { createFlexjobberWithProfile } from "./factories";
import { get, run, sessionCookie } from "./http";

// Issue 26: what a request sends to the database, counted by kysely's log hook
// into the request's own context (server.ts; npm run bench reads it).

describe("SQL statements per request", () => {
  it("counts every statement started inside the request, awaited or in parallel, and nothing outside it", async () => {
    const stats = { statements: 0, ms: 0 };
    await countingQueries(stats, async () => {
      await db.selectFrom("users").select("id").limit(1).execute();
      await Promise.all([db.selectFrom("companies").select("id").limit(1).execute(), db.selectFrom("openings").select("id").limit(1).execute()]);
    });
    await db.selectFrom("users").select("id").limit(1).execute();
    expect(stats.statements).toBe(3);
    expect(stats.ms).toBeGreaterThan(0);

    // A whole page: the job search for a flexjobber, a number the bench reports per page.
    const { user } = await createFlexjobberWithProfile(db, {});
    const cookie = await sessionCookie(user.id);
    const page = { statements: 0, ms: 0 };
    const res = await countingQueries(page, () => run(jobsPage.loader, get("/job", cookie)));
    expect(res.status).toBe(200);
    expect(page.statements).toBeGreaterThan(1);
  });
});
