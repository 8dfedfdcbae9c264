import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startJobcenterThread } from "~/messages/threads.server";
import { LIMITS } from "~/security/rate-limit.server";

import { db } from "../db/client.server";
import { databasePath, isPostgres } from "../db/kysely";
import { type RunningServer, startProductionServer } from "../scripts/production-server";
import { createUser } from "./factories";

// Two app processes on one PostgreSQL database: what one process
// writes, counts or announces, the other sees. Runs only on PostgreSQL (CI's
// second run, with DATABASE_URL); on SQLite one process serves a municipality.

const onPostgres = isPostgres(db);

describe.skipIf(!onPostgres)("two app processes on one PostgreSQL", () => {
  const servers: RunningServer[] = [];
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-two-"));
    // Both serve this test file's database (DATABASE_URL, set by tests/setup/env.ts).
    for (let i = 0; i < 2; i++) servers.push(await startProductionServer(databasePath(), path.join(dir, String(i))));
    [a, b] = servers as [RunningServer, RunningServer];
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  const logIn = (server: RunningServer, email: string, password: string) =>
    fetch(`${server.base}/login`, { method: "POST", body: new URLSearchParams({ email, password }), redirect: "manual" });

  it("a session made by one process is valid in the other, and logging out there ends it everywhere", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    const login = await logIn(a, user.email, user.password);
    expect(login.status).toBe(302);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const onB = await fetch(`${b.base}/beskeder`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    const out = await fetch(`${b.base}/logout`, { method: "POST", headers: { Cookie: cookie }, redirect: "manual" });
    expect(out.status).toBe(302);
    const onA = await fetch(`${a.base}/beskeder`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onA.status).toBe(302);
    expect(onA.headers.get("location")).toMatch(/^\/login/);
  });

  it("failed logins count across both processes: the limit is reached with tries spread over them", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.loginIpAccount.max; i++) statuses.push((await logIn(i % 2 ? b : a, user.email, `forkert gæt ${i}`)).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    // Each process alone has seen only half as many tries as the limit allows.
    const blocked = await logIn(a, user.email, user.password);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toMatch(/For mange forsøg/);
  });

  it("a message written through one process updates the unread badge streamed by the other at once", async () => {
    const citizen = await createUser(db, { role: "flexjobber" });
    const staff = await createUser(db, { role: "staff" });
    const threadId = await startJobcenterThread(db, { id: citizen.id, role: "flexjobber", companyId: null }, { subject: "Spørgsmål", body: "Hej, kan I hjælpe?" });
    const citizenCookie = (await logIn(a, citizen.email, citizen.password)).headers.get("set-cookie")!.split(";")[0]!;
    const staffCookie = (await logIn(b, staff.email, staff.password)).headers.get("set-cookie")!.split(";")[0]!;

    // The citizen's stream, on process A.
    const controller = new AbortController();
    const stream = await fetch(`${a.base}/beskeder/live`, { headers: { Cookie: citizenCookie }, signal: controller.signal });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const nextUpdate = async (): Promise<number> => {
      for (;;) {
        const match = /event: update\ndata: (\{[^\n]*\})\n\n/.exec(received);
        if (match) {
          received = received.slice(match.index + match[0].length);
          return (JSON.parse(match[1]!) as { unread: number }).unread;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        received += decoder.decode(value, { stream: true });
      }
    };
    try {
      expect(await nextUpdate()).toBe(0);
      // Staff answer through process B; the stream would otherwise look again only after 30 s.
      const started = Date.now();
      const answer = await fetch(`${b.base}/beskeder/${threadId}`, {
        method: "POST",
        body: new URLSearchParams({ intent: "message", body: "Ja, vi ringer i morgen." }),
        headers: { Cookie: staffCookie },
        redirect: "manual",
      });
      expect(answer.status).toBe(302);
      expect(await nextUpdate()).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      controller.abort();
    }
  }, 30_000);
});
