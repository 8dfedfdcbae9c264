import { describe, expect, it } from "vitest";

import { createInvitation, invitationState } from "~/auth/invitations.server";
import * as citizens from "~/routes/borgere";
import * as invitation from "~/routes/invitation.$token";
import * as colleagues from "~/routes/kolleger";
import * as login from "~/routes/login";

import { db } from "../db/client.server";
import { createCompany, createUser } from "./factories";
import { post, run, sessionCookie } from "./http";
import { sentEmails } from "./mocks/email-api";

// No one can learn who is registered, and invitations belong to their sender.

async function companyAdmin() {
  const company = await createCompany(db, { name: "Nysgerrig ApS" });
  const admin = await createUser(db, { role: "company", companyId: company.id, isCompanyAdmin: 1 });
  return { company, admin, cookie: await sessionCookie(admin.id) };
}

const describeResponse = async (res: Response) => ({ status: res.status, location: res.headers.get("Location"), body: await res.text() });

describe("no one can learn who is registered", () => {
  it("/kolleger answers the same for an email on the platform and an unknown one; the account holder is told by email", async () => {
    const { cookie } = await companyAdmin();
    const citizen = await createUser(db, { role: "flexjobber", email: "borger.findes@example.dk" });
    const known = await describeResponse(await run(colleagues.action, post("/kolleger", { name: "Borger", email: citizen.email }, cookie)));
    const unknown = await describeResponse(await run(colleagues.action, post("/kolleger", { name: "Ny", email: "ny.kollega@example.dk" }, cookie)));
    expect(known).toEqual(unknown);
    expect(known.status).toBe(302);
    // No invitation for the existing account; a note instead.
    expect(await db.selectFrom("invitations").select("id").where("email", "=", citizen.email).execute()).toEqual([]);
    const note = sentEmails.filter((m) => m.to === citizen.email).at(-1);
    expect(note?.text).toMatch(/allerede en konto/);
    expect(note?.text).not.toMatch(/invitation\/[A-Za-z0-9_-]{20,}/);
  });

  it("login answers the same for an unknown email and a registered citizen without a password", async () => {
    // Staff put the citizen on the list without an invitation: no password is set.
    await createUser(db, { role: "flexjobber", status: "registered", email: "registreret@example.dk" });
    await db.updateTable("users").set({ passwordHash: "" }).where("email", "=", "registreret@example.dk").execute();
    const a = await describeResponse(await run(login.action, post("/login", { email: "registreret@example.dk", password: "et gæt på koden" })));
    const b = await describeResponse(await run(login.action, post("/login", { email: "ingen.her@example.dk", password: "et gæt på koden" })));
    expect(a).toEqual(b);
    expect(a.status).toBe(401);
  });
});

describe("invitations belong to their sender", () => {
  it("a company's invitation does not revoke the jobcenter's open citizen invitation, and nothing ends in a 500", async () => {
    const staff = await createUser(db, { role: "staff" });
    const { invitation: citizenInvitation, token } = await createInvitation(db, { email: "dobbelt@example.dk", name: "Dorte", role: "flexjobber", invitedBy: staff.id });
    const { cookie } = await companyAdmin();
    const res = await run(colleagues.action, post("/kolleger", { name: "Dorte", email: "dobbelt@example.dk" }, cookie));
    expect(res.status).toBe(302);
    const row = await db.selectFrom("invitations").selectAll().where("id", "=", citizenInvitation.id).executeTakeFirstOrThrow();
    expect(invitationState(row)).toBe("open");
    expect(await db.selectFrom("invitations").select("id").where("email", "=", "dobbelt@example.dk").execute()).toHaveLength(1);
    const accepted = await run(
      invitation.action,
      post(`/invitation/${token}`, { password: "en lang adgangskode", passwordConfirm: "en lang adgangskode", acceptPrivacy: "on", healthConsent: "nej" }),
      { token },
    );
    expect(accepted.status).toBe(302);
  });

  it("staff get a clear message instead, and a new invitation of the same kind still replaces the old one", async () => {
    const { company, admin } = await companyAdmin();
    await createInvitation(db, { email: "kollega.foerst@example.dk", name: "K", role: "company", invitedBy: admin.id, companyId: company.id });
    const staff = await createUser(db, { role: "staff" });
    const res = await run(citizens.action, post("/borgere", { name: "K", email: "kollega.foerst@example.dk" }, await sessionCookie(staff.id)));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ errors: { email: expect.stringMatching(/åben invitation/) } });

    const first = await createInvitation(db, { email: "to.gange@example.dk", name: "T", role: "flexjobber", invitedBy: staff.id });
    await createInvitation(db, { email: "to.gange@example.dk", name: "T", role: "flexjobber", invitedBy: staff.id });
    const old = await db.selectFrom("invitations").selectAll().where("id", "=", first.invitation.id).executeTakeFirstOrThrow();
    expect(invitationState(old)).toBe("revoked");
  });

  it("accepting an invitation for an email a registered citizen holds answers 409, not 500", async () => {
    const staff = await createUser(db, { role: "staff" });
    await createUser(db, { role: "flexjobber", status: "registered", email: "reg.borger@example.dk", password: "x".repeat(12) });
    await db.updateTable("users").set({ passwordHash: "" }).where("email", "=", "reg.borger@example.dk").execute();
    const company = await createCompany(db);
    const { token } = await createInvitation(db, { email: "reg.borger@example.dk", name: "R", role: "company", invitedBy: staff.id, companyId: company.id });
    const res = await run(invitation.action, post(`/invitation/${token}`, { password: "en lang adgangskode", passwordConfirm: "en lang adgangskode", acceptPrivacy: "on" }), {
      token,
    });
    expect(res.status).toBe(409);
  });
});
