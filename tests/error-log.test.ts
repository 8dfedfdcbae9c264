import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databasePath } from "../db/kysely";
import { type RunningServer, startProductionServer } from "../scripts/production-server";

// The error log is for what needs a person: a 404 (a favicon, an old chunk
// after a deploy, a typed address) is an answer and must not page anyone.

describe("the error log", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startProductionServer(databasePath(), fs.mkdtempSync(path.join(os.tmpdir(), "refleks-log-")));
  }, 180_000);
  afterAll(async () => {
    await server.stop();
  });

  it("has no line at level error from a 404, and the favicon is there", async () => {
    expect((await fetch(`${server.base}/favicon.svg`)).status).toBe(200);
    for (const missing of ["/favicon.ico", "/build/_shared/chunk-GONE1234.js", "/findes-ikke", "/job/999999999", "/kandidater/Fleksjobber%20ZZZZ"]) {
      const res = await fetch(`${server.base}${missing}`, { redirect: "manual" });
      expect([302, 404]).toContain(res.status);
      await res.arrayBuffer();
    }
    // A POST to a page without an action is the visitor's mistake too (405).
    expect((await fetch(`${server.base}/hjaelp`, { method: "POST", headers: { Origin: server.base }, body: new URLSearchParams({ a: "b" }) })).status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 200));
    const errorLines = server
      .errors()
      .split("\n")
      .filter((line) => line.includes('"level":"error"'));
    expect(errorLines).toEqual([]);
    expect(server.errors()).not.toContain("[object Object]");
  });
});
