import { describe, expect, it } from "vitest";

import { requireUser } from "~/auth/guard.server";
import * as root from "~/root";
import * as citizens from "~/routes/borgere";
import * as citizen from "~/routes/borgere_.$id";
import * as job from "~/routes/job_.$id";
import * as candidates from "~/routes/kandidater";
import * as colleagues from "~/routes/kolleger";
import * as logout from "~/routes/logout";
import * as staffAdmin from "~/routes/medarbejdere";
import * as profile from "~/routes/profil";
import * as stats from "~/routes/statistik";
import * as companies from "~/routes/virksomheder";

import { db } from "../db/client.server";
import type { Role } from "../db/schema";
import { createCompany, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

async function cookieFor(role: Role, extra: { companyId?: number; isCompanyAdmin?: number } = {}) {
  const user = await createUser(db, { role, ...extra });
  return sessionCookie(user.id);
}

describe("role guard", () => {
  it("redirects a visitor to the login page with the way back", async () => {
    const res = await run(citizens.loader, get("/borgere?side=2"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Fborgere%3Fside%3D2");
  });

  it("treats an unknown or ended session as signed out", async () => {
    const res = await run(profile.loader, get("/profil", "refleks_session=not-a-session"));
    expect(res.status).toBe(302);
    const user = await createUser(db, { role: "flexjobber" });
    const cookie = await sessionCookie(user.id);
    await db.updateTable("users").set({ status: "suspended" }).where("id", "=", user.id).execute();
    expect((await run(profile.loader, get("/profil", cookie))).status).toBe(302);
  });

  it("answers a missing page with its own Danish words (notFound), which the error page shows", async () => {
    const flexjobber = await cookieFor("flexjobber");
    const res = await run(job.loader, get("/job/999999", flexjobber), { id: "999999" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: "Jobbet findes ikke, eller fristen er overskredet." });
    const staff = await cookieFor("staff");
    const missing = await run(citizen.loader, get("/borgere/nobody", staff), { id: "nobody" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: "Borgeren findes ikke." });
  });

  it("answers 403 in Danish for the wrong role, on loaders and actions", async () => {
    const flexjobber = await cookieFor("flexjobber");
    const res = await run(citizens.loader, get("/borgere", flexjobber));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: "Du har ikke adgang til denne side." });
    const posted = await run(citizens.action, post("/borgere", { name: "X", email: "x@example.dk" }, flexjobber));
    expect(posted.status).toBe(403);
    expect(await db.selectFrom("invitations").select("id").where("email", "=", "x@example.dk").execute()).toHaveLength(0);
  });

  it("lets each role into its own areas only", async () => {
    const company = await createCompany(db);
    const cookies = {
      flexjobber: await cookieFor("flexjobber"),
      company: await cookieFor("company", { companyId: company.id }),
      companyAdmin: await cookieFor("company", { companyId: company.id, isCompanyAdmin: 1 }),
      staff: await cookieFor("staff"),
      admin: await cookieFor("admin"),
    };
    const cases: [string, Parameters<typeof run>[0], Partial<Record<keyof typeof cookies, number>>][] = [
      ["/profil", profile.loader, { flexjobber: 200, company: 403, staff: 403, admin: 403 }],
      ["/kandidater", candidates.loader, { flexjobber: 403, company: 200, staff: 403 }],
      ["/borgere", citizens.loader, { flexjobber: 403, company: 403, staff: 200, admin: 200 }],
      ["/virksomheder", companies.loader, { company: 403, staff: 200, admin: 200 }],
      ["/statistik", stats.loader, { flexjobber: 403, staff: 200 }],
      ["/medarbejdere", staffAdmin.loader, { staff: 403, admin: 200 }],
      ["/kolleger", colleagues.loader, { company: 403, companyAdmin: 200, staff: 403 }],
    ];
    for (const [path, loader, expected] of cases) {
      for (const [who, status] of Object.entries(expected)) {
        const res = await run(loader, get(path, cookies[who as keyof typeof cookies]));
        expect(`${who} ${path} ${res.status}`).toBe(`${who} ${path} ${status}`);
      }
    }
  });

  it("ends a session after 14 days without use, and renews one that is more than half used", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    const cookie = await sessionCookie(user.id);
    const sessionId = cookie.split("=")[1];
    const nowSeconds = Math.floor(Date.now() / 1000);

    // 3 days left of 14: the root loader extends it and sends a fresh cookie.
    await db
      .updateTable("sessions")
      .set({ expiresAt: nowSeconds + 3 * 86_400 })
      .where("id", "=", sessionId)
      .execute();
    const renewed = await run(root.loader, get("/", cookie));
    expect(renewed.headers.get("Set-Cookie")).toMatch(new RegExp(`^refleks_session=${sessionId};.*Max-Age=1209600`));
    const row = await db.selectFrom("sessions").select("expiresAt").where("id", "=", sessionId).executeTakeFirstOrThrow();
    expect(row.expiresAt).toBeGreaterThan(nowSeconds + 13 * 86_400);

    // Expired: signed out, and the stale cookie is cleared.
    await db
      .updateTable("sessions")
      .set({ expiresAt: nowSeconds - 1 })
      .where("id", "=", sessionId)
      .execute();
    expect((await run(profile.loader, get("/profil", cookie))).status).toBe(302);
    const cleared = await run(root.loader, get("/", cookie));
    expect(cleared.headers.get("Set-Cookie")).toMatch(/^refleks_session=;.*Max-Age=0/);
  });

  it("logout ends the session on the server", async () => {
    const user = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(user.id);
    const res = await run(logout.action, post("/logout", {}, cookie));
    expect(res.headers.get("Location")).toBe("/login?besked=logget-ud");
    expect((await run(citizens.loader, get("/borgere", cookie))).status).toBe(302);
  });

  it("returns the user to a loader that passes", async () => {
    const user = await createUser(db, { role: "staff", name: "Sara Staff" });
    const found = await requireUser(get("/", await sessionCookie(user.id)), { roles: ["staff", "admin"] });
    expect(found).toMatchObject({ id: user.id, role: "staff", name: "Sara Staff" });
  });
});
