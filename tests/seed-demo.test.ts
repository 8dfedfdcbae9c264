import { searchCandidates } from "~/profiles/search.server";
import { listProfilesToReview } from "~/profiles/review.server";
import { describe, expect, it } from "vitest";
import { db } from "../db/client.server";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../db/seed-demo";
import { invitationState } from "~/auth/invitations.server";
import { attemptLogin } from "~/auth/login.server";
import { getJobcenterContact } from "~/jobcenter/contact.server";
import { listThreads, unreadCount } from "~/messages/threads.server";

describe("demo municipality", () => {
  it("is idempotent, has a login per role and invitations and companies in every state", async () => {
    expect(await seedDemo(db)).toBe("seeded");
    const count = async (table: "users" | "companies" | "invitations") =>
      (await db.selectFrom(table).select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;
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
    const borger = await db.selectFrom("users").select("id").where("email", "=", "borger@demo.refleks.dk").executeTakeFirstOrThrow();
    expect(await db.selectFrom("profiles").select("userId").where("userId", "=", borger.id).executeTakeFirst()).toBeUndefined();

    // The company's side (issue 13): an interest in every stage, a shortlist; a past event with attendance; the jobcenter's contact details.
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

    // Conversations (issue 14): every demo login has one to read, unread ones included.
    for (const login of DEMO_LOGINS.filter((l) => l.role !== "admin")) {
      const u = await db.selectFrom("users").select(["id", "role", "companyId"]).where("email", "=", login.email).executeTakeFirstOrThrow();
      const viewer = { id: u.id, role: u.role, companyId: u.companyId };
      expect((await listThreads(db, viewer)).rows.length, login.email).toBeGreaterThan(0);
      expect(await unreadCount(db, viewer), login.email).toBeGreaterThan(0);
    }
  });
});
