import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { invitationState } from "~/auth/invitations.server";
import { attemptLogin } from "~/auth/login.server";
import { uploadsDir } from "~/content/uploads.server";
import { getJobcenterContact } from "~/jobcenter/contact.server";
import { listThreads, unreadCount } from "~/messages/threads.server";
import { searchJobs } from "~/openings/job-search.server";
import { listProfilesToReview } from "~/profiles/review.server";
import { searchCandidates } from "~/profiles/search.server";

import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../app/demo/seed.server";
import { db } from "../db/client.server";

describe("demo municipality", () => {
  it("is idempotent, has a login per role and invitations and companies in every state", async () => {
    expect(await seedDemo(db)).toBe("seeded");
    const count = async (table: "users" | "companies" | "invitations") => (await db.selectFrom(table).select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;
    const before = [await count("users"), await count("companies"), await count("invitations")];
    expect(await seedDemo(db)).toBe("exists");
    expect([await count("users"), await count("companies"), await count("invitations")]).toEqual(before);

    for (const login of DEMO_LOGINS) {
      const result = await attemptLogin(db, login.email, DEMO_PASSWORD);
      expect(result.status).toBe("ok");
      const user = await db.selectFrom("users").select("role").where("email", "=", login.email).executeTakeFirstOrThrow();
      expect(user.role).toBe(login.role);
    }

    const invitations = await db.selectFrom("invitations").selectAll().where("role", "=", "flexjobber").execute();
    expect(new Set(invitations.map((i) => invitationState(i)))).toEqual(new Set(["open", "used", "expired", "revoked"]));
    const statuses = await db.selectFrom("companies").select("status").execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["pending", "approved", "rejected"]));
    const setting = await db.selectFrom("settings").select("value").where("key", "=", "municipality_name").executeTakeFirst();
    expect(setting?.value).toBe("Jobcenter Demo");

    // Companies can find candidates; staff have one in the queue; the demo citizen starts from scratch.
    const found = await searchCandidates(db, 0, { competences: [], certificates: [], sort: "newest", page: 1 });
    expect(found.total).toBeGreaterThan(4);
    expect(await listProfilesToReview(db)).toHaveLength(1);
    const ny = await db.selectFrom("users").select("id").where("email", "=", "ny@demo.refleks.dk").executeTakeFirstOrThrow();
    expect(await db.selectFrom("profiles").select("userId").where("userId", "=", ny.id).executeTakeFirst()).toBeUndefined();

    // The company's side: an interest in every stage, a shortlist; a past event with attendance; the jobcenter's contact details.
    const stages = await db.selectFrom("interests").select("stage").execute();
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(["new", "dialog", "interview", "hired", "rejected"]));
    expect(await db.selectFrom("shortlistEntries").selectAll().execute()).toHaveLength(2);
    const attended = await db
      .selectFrom("eventRegistrations as r")
      .innerJoin("events as e", "e.id", "r.eventId")
      .select("r.id")
      .where("e.startsAt", "<", new Date().toISOString())
      .where("r.attended", "=", 1)
      .executeTakeFirst();
    expect(attended).toBeDefined();
    expect(await getJobcenterContact(db)).toMatchObject({ name: "Jobcenter Demo", email: "jobcenter@demo.refleks.dk" });

    // Conversations: every demo login has one to read, unread ones included.
    for (const login of DEMO_LOGINS.filter((l) => l.role !== "admin" && l.email !== "ny@demo.refleks.dk")) {
      const u = await db.selectFrom("users").select(["id", "role", "companyId"]).where("email", "=", login.email).executeTakeFirstOrThrow();
      const viewer = { id: u.id, role: u.role, companyId: u.companyId };
      expect((await listThreads(db, viewer)).rows.length, login.email).toBeGreaterThan(0);
      expect(await unreadCount(db, viewer), login.email).toBeGreaterThan(0);
    }
  });

  it("gives every area something to show a newcomer", async () => {
    await seedDemo(db);
    const now = new Date().toISOString();
    // Bente has a published profile, and the canteen job fits her well.
    const bente = await db.selectFrom("users").select("id").where("email", "=", "borger@demo.refleks.dk").executeTakeFirstOrThrow();
    expect((await db.selectFrom("profiles").select("status").where("userId", "=", bente.id).executeTakeFirstOrThrow()).status).toBe("approved");
    const jobs = await searchJobs(db, bente.id, { fitsHours: false, withinCommute: false, remoteOnly: false, newThisWeek: false, sort: "match", page: 1 });
    expect(jobs.cards[0]).toMatchObject({ title: "Køkkenmedhjælper i kantinen" });
    expect(jobs.cards[0]!.match!.score).toBeGreaterThanOrEqual(75);

    // Events ahead (one full, with a waitlist) and behind.
    const upcoming = await db.selectFrom("events").select(["id", "capacity"]).where("startsAt", ">", now).execute();
    expect(upcoming.length).toBeGreaterThanOrEqual(3);
    const waitlisted = await db
      .selectFrom("eventRegistrations")
      .select("eventId")
      .where("status", "=", "waitlist")
      .where(
        "eventId",
        "in",
        upcoming.map((e) => e.id),
      )
      .execute();
    expect(waitlisted.length).toBeGreaterThan(0);

    // Viden: published articles and a captioned video whose files are there.
    const articles = await db.selectFrom("articles").selectAll().where("status", "=", "published").execute();
    expect(articles.filter((a) => a.kind === "article").length).toBeGreaterThanOrEqual(3);
    const video = articles.find((a) => a.kind === "video" && a.captionsFile)!;
    for (const file of [video.videoFile!, video.captionsFile!]) expect(fs.existsSync(path.join(uploadsDir(), file))).toBe(true);

    // Contact requests in every state; a hire waiting for staff.
    const kitchen = await db.selectFrom("companies").select("id").where("name", "=", "Demo Køkken ApS").executeTakeFirstOrThrow();
    const requests = await db.selectFrom("contactRequests").select("status").where("companyId", "=", kitchen.id).execute();
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(["pending", "accepted", "declined"]));
    expect(await db.selectFrom("hires").select("id").where("confirmedAt", "is", null).where("cancelledAt", "is", null).execute()).not.toHaveLength(0);

    // No stray test accounts: the company has its two demo logins and nobody else.
    const colleagues = await db.selectFrom("users").select(["email", "isCompanyAdmin"]).where("companyId", "=", kitchen.id).orderBy("email").execute();
    expect(colleagues).toEqual([
      { email: "kollega@demo.refleks.dk", isCompanyAdmin: 0 },
      { email: "virksomhed@demo.refleks.dk", isCompanyAdmin: 1 },
    ]);
  });
});
