import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as jobsPage from "~/routes/job";

import { db } from "../db/client.server";
import { databasePath } from "../db/kysely";
import { countingQueries } from "../db/query-stats";
import { type RunningServer, startProductionServer } from "../scripts/production-server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, run, sessionCookie } from "./http";

// What a request sends to the database, counted by kysely's log hook
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

// The whole page as the browser gets it (root and page loaders together), from the production build.
describe("SQL statements per page, on the production server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-statements-"));
    server = await startProductionServer(databasePath(), dir, 600, { SERVER_TIMING: "true", READER_THREADS: "0" });
  }, 180_000);
  afterAll(async () => {
    await server.stop();
  });

  const logIn = async (email: string, password: string) => {
    const res = await fetch(`${server.base}/login`, { method: "POST", body: new URLSearchParams({ email, password }), redirect: "manual" });
    return res.headers.get("set-cookie")!.split(";")[0]!;
  };
  const statementsOf = async (pathname: string, cookie: string) => {
    const res = await fetch(server.base + pathname, { headers: { cookie } });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    return Number(/(\d+) statements/.exec(res.headers.get("server-timing") ?? "")![1]);
  };

  it("a search page sends at most 8: the session is read once for root and page, the menu's counts in one statement, the cards in one", async () => {
    const company = await createCompany(db, { status: "approved" });
    const companyUser = await createUser(db, { role: "company", companyId: company.id });
    for (let i = 0; i < 3; i++)
      await createFlexjobberWithProfile(
        db,
        {},
        { headline: `Lagermedarbejder ${i}`, competences: ["Lager"], accommodations: [{ label: "Ingen tunge løft", visible: true }], healthConsent: true },
      );
    const opening = await createOpening(db, company.id, { title: "Lagermedarbejder", status: "published" });
    const { user: flexjobber } = await createFlexjobberWithProfile(db, {}, { competences: ["Lager"] });

    const companyCookie = await logIn(companyUser.email, companyUser.password);
    await statementsOf("/kandidater?q=lager", companyCookie); // the first view of the day marks activity
    expect(await statementsOf("/kandidater?q=lager", companyCookie)).toBeLessThanOrEqual(8);
    expect(await statementsOf(`/opslag/${opening.id}`, companyCookie)).toBeLessThanOrEqual(10);
    const citizenCookie = await logIn(flexjobber.email, flexjobber.password);
    await statementsOf("/job", citizenCookie);
    expect(await statementsOf("/job", citizenCookie)).toBeLessThanOrEqual(8);
    expect(await statementsOf("/job?q=lager", citizenCookie)).toBeLessThanOrEqual(8);
  });
});
