import { afterAll, describe, expect, it } from "vitest";

import { searchCandidates } from "~/profiles/search.server";
import { readerThreads, runRead, startReaderPool, stopReaderPool } from "~/readers/pool.server";
import { recordActivityDays } from "~/stats/activity.server";
import { loadDashboard } from "~/stats/dashboard.server";
import { addDays } from "~/utils/dates";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createUser } from "./factories";

// Heavy reads run on reader threads in the server. The same task
// gives the same answer on a thread (its own connection) as on the app's own.

afterAll(() => stopReaderPool());

describe("reader threads", () => {
  it("answer searches and the dashboard exactly as the main thread does, several at once", async () => {
    const company = await createCompany(db);
    for (let i = 0; i < 3; i++) await createFlexjobberWithProfile(db, {}, { headline: `Lagerarbejder nummer ${i}` });
    const filters = { q: "lager", competences: [], certificates: [], sort: "relevance" as const, page: 1 };
    const now = new Date();
    const inline = { search: await searchCandidates(db, company.id, filters), dashboard: await loadDashboard(db, {}, now) };

    startReaderPool(2);
    const [search, dashboard, again] = await Promise.all([
      runRead("searchCandidates", company.id, filters),
      runRead("loadDashboard", {}, now),
      runRead("searchCandidates", company.id, filters),
    ]);
    expect(search).toEqual(inline.search);
    expect(again).toEqual(inline.search);
    expect(search.total).toBe(3);
    expect(dashboard).toEqual(inline.dashboard);
    expect(readerThreads()).toBe(2); // none died and fell back to the main thread
  });

  it("keep the statistics caches while the main thread writes activity at the same time", async () => {
    startReaderPool(2);
    const people = await Promise.all([1, 2, 3].map(() => createUser(db, { role: "flexjobber" })));
    const writes = (async () => {
      // Each new week marks the weekly cache stale, which the dashboard then counts again and stores.
      for (let w = 0; w < 30; w++)
        await recordActivityDays(
          db,
          people.map((p) => ({ userId: p.id, day: addDays("2026-01-05", 7 * w) })),
        );
    })();
    const reads = Promise.all(Array.from({ length: 8 }, () => runRead("loadDashboard", { from: "2026-01-01", to: "2026-09-30" })));
    await expect(Promise.all([writes, reads])).resolves.toBeDefined();
    const after = await runRead("loadDashboard", { from: "2026-01-01", to: "2026-09-30" });
    expect(after).toEqual(await loadDashboard(db, { from: "2026-01-01", to: "2026-09-30" }, new Date(after.computedAt)));
  });
});
