import { describe, expect, it } from "vitest";

import * as citizens from "~/routes/borgere";
import * as colleagues from "~/routes/kolleger";
import * as staffPage from "~/routes/medarbejdere";

import { db } from "../db/client.server";
import { createCompany, createUser } from "./factories";
import { post, run, sessionCookie } from "./http";
import { linkIn, sentEmails } from "./mocks/email-api";

describe("inviting people", () => {
  it("staff invite a flexjobber with a consultant; the email holds a one-time link and the token is stored hashed", async () => {
    const staff = await createUser(db, { role: "staff" });
    const res = await run(citizens.action, post("/borgere", { name: "Hans Hansen", email: "Hans@Example.dk", consultantId: staff.id }, await sessionCookie(staff.id)));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/borgere?besked=invitation-sendt");
    const mail = sentEmails.find((m) => m.to === "hans@example.dk")!;
    expect(mail.text).toMatch(/^Hej Hans Hansen/);
    expect(mail.text).toMatch(/frivilligt/);
    const token = linkIn(mail).split("/").pop()!;
    const inv = await db.selectFrom("invitations").selectAll().where("email", "=", "hans@example.dk").executeTakeFirstOrThrow();
    expect(inv).toMatchObject({ role: "flexjobber", consultantId: staff.id, invitedBy: staff.id, usedAt: null });
    expect(inv.tokenHash).not.toContain(token);
    const days = (Date.parse(inv.expiresAt) - Date.parse(inv.createdAt)) / 86_400_000;
    expect(days).toBe(14);
  });

  it("refuses an email that already has an account, and an unknown consultant", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const existing = await createUser(db, { role: "flexjobber" });
    const dup = await run(citizens.action, post("/borgere", { name: "Dobbelt", email: existing.email }, cookie));
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ errors: { email: expect.stringMatching(/findes allerede/) } });
    const bad = await run(citizens.action, post("/borgere", { name: "Ny", email: "ny@example.dk", consultantId: "nobody" }, cookie));
    expect(bad.status).toBe(400);
    expect(await db.selectFrom("invitations").select("id").where("email", "=", "ny@example.dk").execute()).toHaveLength(0);
  });

  it("a company admin invites a colleague into the same company, not as admin", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, { role: "company", companyId: company.id, isCompanyAdmin: 1 });
    const res = await run(colleagues.action, post("/kolleger", { name: "Kollega", email: "kollega@example.dk" }, await sessionCookie(admin.id)));
    expect(res.status).toBe(302);
    const inv = await db.selectFrom("invitations").selectAll().where("email", "=", "kollega@example.dk").executeTakeFirstOrThrow();
    expect(inv).toMatchObject({ role: "company", companyId: company.id, isCompanyAdmin: 0 });
  });

  it("an admin creates staff; a staff member cannot", async () => {
    const admin = await createUser(db, { role: "admin" });
    const res = await run(staffPage.action, post("/medarbejdere", { name: "Ny Kollega", email: "ny.staff@example.dk", role: "staff" }, await sessionCookie(admin.id)));
    expect(res.status).toBe(302);
    expect(sentEmails.some((m) => m.to === "ny.staff@example.dk")).toBe(true);
    const staff = await createUser(db, { role: "staff" });
    const refused = await run(staffPage.action, post("/medarbejdere", { name: "X", email: "x.staff@example.dk", role: "admin" }, await sessionCookie(staff.id)));
    expect(refused.status).toBe(403);
    const badRole = await run(staffPage.action, post("/medarbejdere", { name: "X", email: "y@example.dk", role: "flexjobber" }, await sessionCookie(admin.id)));
    expect(badRole.status).toBe(400);
  });
});
