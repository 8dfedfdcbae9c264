import { describe, expect, it } from "vitest";

import { createInvitation, invitationState } from "~/auth/invitations.server";
import { setCompanySuspended } from "~/companies/companies.server";
import * as invitation from "~/routes/invitation.$token";
import * as candidates from "~/routes/kandidater";
import * as login from "~/routes/login";

import { db } from "../db/client.server";
import { createCompany, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

// The one status check (accountInGoodStanding) at every door: a suspended
// user or company gets in nowhere, whatever way it tries.

async function companyWithAdmin() {
  const company = await createCompany(db);
  const admin = await createUser(db, { role: "company", companyId: company.id, isCompanyAdmin: 1 });
  return { company, admin };
}

const suspendCompanyOnly = (id: number) => db.updateTable("companies").set({ status: "suspended" }).where("id", "=", id).execute();

describe("status checked at every door", () => {
  it("login: refuses a user whose company is suspended, even if the user row is active", async () => {
    const { company, admin } = await companyWithAdmin();
    await suspendCompanyOnly(company.id);
    const res = await run(login.action, post("/login", { email: admin.email, password: admin.password }));
    expect(res.status).toBe(403);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("live session: a user or company suspended while signed in is signed out at the next request", async () => {
    const { company, admin } = await companyWithAdmin();
    const cookie = await sessionCookie(admin.id);
    expect((await run(candidates.loader, get("/kandidater", cookie))).status).toBe(200);
    await suspendCompanyOnly(company.id);
    const after = await run(candidates.loader, get("/kandidater", cookie));
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);
    expect(await db.selectFrom("sessions").select("id").where("userId", "=", admin.id).execute()).toEqual([]);

    const citizen = await createUser(db, { role: "flexjobber" });
    const citizenCookie = await sessionCookie(citizen.id);
    await db.updateTable("users").set({ status: "suspended" }).where("id", "=", citizen.id).execute();
    expect((await run(candidates.loader, get("/kandidater", citizenCookie))).status).toBe(302);
  });

  it("invitation accept: an invitation sent before the company was suspended creates no account", async () => {
    const { company, admin } = await companyWithAdmin();
    const { token } = await createInvitation(db, { email: "kollega@firma.example", name: "Kollega", role: "company", invitedBy: admin.id, companyId: company.id });
    await suspendCompanyOnly(company.id);
    const res = await run(invitation.action, post(`/invitation/${token}`, { password: "en lang adgangskode", passwordConfirm: "en lang adgangskode", acceptPrivacy: "on" }), {
      token,
    });
    expect(res.status).toBe(403);
    expect(await db.selectFrom("users").select("id").where("email", "=", "kollega@firma.example").execute()).toEqual([]);
  });

  it("suspending a company revokes its open invitations and ends its sessions", async () => {
    const { company, admin } = await companyWithAdmin();
    const { invitation: open } = await createInvitation(db, { email: "ny@firma.example", name: "Ny", role: "company", invitedBy: admin.id, companyId: company.id });
    const cookie = await sessionCookie(admin.id);
    await setCompanySuspended(db, company.id, true);
    const row = await db.selectFrom("invitations").selectAll().where("id", "=", open.id).executeTakeFirstOrThrow();
    expect(invitationState(row)).toBe("revoked");
    expect((await run(candidates.loader, get("/kandidater", cookie))).status).toBe(302);
    // Reactivated, the users are back; the old invitation stays revoked.
    await setCompanySuspended(db, company.id, false);
    const again = await run(login.action, post("/login", { email: admin.email, password: admin.password }));
    expect(again.status).toBe(302);
    expect(invitationState(await db.selectFrom("invitations").selectAll().where("id", "=", open.id).executeTakeFirstOrThrow())).toBe("revoked");
  });
});
