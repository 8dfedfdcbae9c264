import { describe, expect, it } from "vitest";

import * as driftPage from "~/routes/drift";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

// "Drift", the admin's view of the schedule, the queues, the backups
// and the database; "Kør nu" runs a job by hand, logged, never twice at once.

describe("Drift", () => {
  it("is for admins only", async () => {
    for (const role of ["staff", "company", "flexjobber"] as const) {
      const user = await createUser(db, { role });
      expect((await run(driftPage.loader, get("/drift", await sessionCookie(user.id)))).status).toBe(403);
      expect((await run(driftPage.action, post("/drift", { intent: "run", job: "sweep" }, await sessionCookie(user.id)))).status).toBe(403);
    }
    expect((await run(driftPage.loader, get("/drift"))).status).toBe(302);
  });

  it("shows each job with its last and next run, the queues and the database, without personal data", async () => {
    const admin = await createUser(db, { role: "admin" });
    const cookie = await sessionCookie(admin.id);
    await db
      .insertInto("emailQueue")
      .values({
        toAddress: "borger@example.dk",
        subject: "Hej",
        body: "x",
        kind: "notice",
        invitationId: null,
        companyId: null,
        nextAttemptAt: "2026-01-01T00:00:00.000Z",
        createdAt: "2026-01-01T00:00:00.000Z",
        sentAt: null,
        lastError: null,
      })
      .execute();
    const res = await run(driftPage.loader, get("/drift", cookie));
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.jobs.map((j: { name: string }) => j.name)).toEqual(expect.arrayContaining(["reminders", "digest", "retention", "sweep"]));
    expect(data.jobs.find((j: { name: string }) => j.name === "digest")).toMatchObject({ label: "Daglig samling (e-mail og sms)", when: "hver dag kl. 07.00" });
    expect(data.queues.find((q: { channel: string }) => q.channel === "email")).toMatchObject({ waiting: 1, oldest: "2026-01-01T00:00:00.000Z" });
    expect(data.database.schema).toMatch(/^\d{4}_/);
    expect(JSON.stringify(data)).not.toContain("borger@example.dk");
  });

  it("'Kør nu' runs the job, writes it to the log and the audit log, and is refused while the job runs", async () => {
    const admin = await createUser(db, { role: "admin" });
    const cookie = await sessionCookie(admin.id);
    const res = await run(driftPage.action, post("/drift", { intent: "run", job: "sweep" }, cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("besked=job-koert");
    const row = await db.selectFrom("jobRuns").selectAll().where("job", "=", "sweep").where("trigger", "=", "manual").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: "ok", startedBy: admin.id });
    const page = await (await run(driftPage.loader, get("/drift", cookie))).json();
    expect(page.jobs.find((j: { name: string }) => j.name === "sweep").last).toMatchObject({ outcome: "ok", trigger: "manual", summary: "0 halve logins fjernet" });
    const audit = await db.selectFrom("auditLog").select(["actorId", "action"]).where("actorId", "=", admin.id).execute();
    expect(audit).toEqual([{ actorId: admin.id, action: "job_run_by_hand" }]);

    await db
      .insertInto("jobRuns")
      .values({
        job: "digest",
        slot: "manual:held",
        trigger: "manual",
        startedAt: new Date().toISOString(),
        finishedAt: null,
        outcome: "running",
        summary: null,
        error: null,
        startedBy: null,
      })
      .execute();
    const refused = await run(driftPage.action, post("/drift", { intent: "run", job: "digest" }, cookie));
    expect(refused.status).toBe(409);
    expect((await refused.json()).formError).toMatch(/kører allerede/);
    await db.deleteFrom("jobRuns").where("slot", "=", "manual:held").execute();

    const unknown = await run(driftPage.action, post("/drift", { intent: "run", job: "rm -rf" }, cookie));
    expect(unknown.status).toBe(400);
  });
});
