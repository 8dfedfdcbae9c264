import { describe, expect, it } from "vitest";

import { deliverDueEmails } from "~/email/email.server";
import * as access from "~/routes/adgang";
import * as invitation from "~/routes/invitation.$token";
import * as companiesPage from "~/routes/virksomheder";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { failNextEmail, linkIn, sentEmails } from "./mocks/email-api";

const request = (fields: Partial<Record<string, string>> = {}) =>
  post("/adgang", {
    companyName: "Bageriet ApS",
    cvr: "31 41 59 26",
    contactName: "Birte Bager",
    email: "birte@bageriet.example",
    phone: "",
    ...fields,
  } as Record<string, string>);

const companyCount = async () => (await db.selectFrom("companies").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;

describe("company access request", () => {
  it("rejects a bad CVR number with a Danish field error and stores nothing", async () => {
    for (const cvr of ["1234567", "123456789", "12a45678", ""]) {
      const res = await run(access.action, request({ cvr }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: Record<string, string> }).errors.cvr).toMatch(/CVR-nummer/);
    }
    expect(await companyCount()).toBe(0);
  });

  it("rejects other bad fields, including over-long text, without storing", async () => {
    const res = await run(access.action, request({ companyName: "x".repeat(5000), email: "nope", contactName: " " }));
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    expect(Object.keys(errors).sort()).toEqual(["companyName", "contactName", "email"]);
    expect(await companyCount()).toBe(0);
  });

  it("stores a valid request as pending, and refuses a second one for the same CVR", async () => {
    const res = await run(access.action, request());
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/adgang/tak");
    const company = await db.selectFrom("companies").selectAll().executeTakeFirstOrThrow();
    expect(company).toMatchObject({ name: "Bageriet ApS", cvr: "31415926", status: "pending", contactEmail: "birte@bageriet.example" });
    const again = await run(access.action, request({ companyName: "Bageriet igen" }));
    expect(again.status).toBe(409);
    expect(await companyCount()).toBe(1);
  });

  it("staff approve → the contact gets an invitation → accepts → is the company's admin user", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    await run(access.action, request({ cvr: "27182818", email: "kim@kage.example", contactName: "Kim Kage", companyName: "Kage A/S" }));
    const company = await db.selectFrom("companies").selectAll().where("cvr", "=", "27182818").executeTakeFirstOrThrow();

    const queue = await run(companiesPage.loader, get("/virksomheder", cookie));
    expect(((await queue.json()) as { pending: { id: number }[] }).pending.map((c) => c.id)).toContain(company.id);

    const res = await run(companiesPage.action, post("/virksomheder", { intent: "approve", companyId: String(company.id) }, cookie));
    expect(res.status).toBe(302);
    const mail = sentEmails.find((m) => m.to === "kim@kage.example");
    expect(mail?.subject).toBe("Invitation til Refleks");
    const link = linkIn(mail!);
    expect(link).toMatch(/^http:\/\/refleks\.test\/invitation\/[\w-]{40,}$/);

    const token = link.split("/").pop()!;
    const accepted = await run(invitation.action, post(`/invitation/${token}`, { password: "kage kage kage", passwordConfirm: "kage kage kage", acceptPrivacy: "on" }), { token });
    expect(accepted.status).toBe(302);
    const user = await db.selectFrom("users").selectAll().where("email", "=", "kim@kage.example").executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "company", companyId: company.id, isCompanyAdmin: 1 });

    // Deciding twice is a polite 409, not a second invitation.
    const twice = await run(companiesPage.action, post("/virksomheder", { intent: "approve", companyId: String(company.id) }, cookie));
    expect(twice.status).toBe(409);
  });

  it("staff reject → the contact is told, and the CVR may ask again later", async () => {
    const staff = await createUser(db, { role: "admin" });
    const cookie = await sessionCookie(staff.id);
    await run(access.action, request({ cvr: "16180339", email: "nej@example.dk" }));
    const company = await db.selectFrom("companies").selectAll().where("cvr", "=", "16180339").executeTakeFirstOrThrow();
    const res = await run(companiesPage.action, post("/virksomheder", { intent: "reject", companyId: String(company.id), note: "Ligger uden for kommunen." }, cookie));
    expect(res.status).toBe(302);
    expect(sentEmails.find((m) => m.to === "nej@example.dk")?.text).toMatch(/Ligger uden for kommunen/);
    expect((await run(access.action, request({ cvr: "16180339", email: "nej@example.dk" }))).status).toBe(302);
  });

  it("saves the approval and queues the invitation when the email cannot be sent; a later round sends it once", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    await run(access.action, request({ cvr: "14142135", email: "fejl@example.dk" }));
    const company = await db.selectFrom("companies").selectAll().where("cvr", "=", "14142135").executeTakeFirstOrThrow();
    failNextEmail();
    const res = await run(companiesPage.action, post("/virksomheder", { intent: "approve", companyId: String(company.id) }, cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/virksomheder?besked=beslutning-mail-venter");
    const after = await db.selectFrom("companies").select("status").where("id", "=", company.id).executeTakeFirstOrThrow();
    expect(after.status).toBe("approved");
    const open = await db.selectFrom("invitations").select("revokedAt").where("email", "=", "fejl@example.dk").execute();
    expect(open.map((i) => i.revokedAt)).toEqual([null]);
    expect(sentEmails.filter((m) => m.to === "fejl@example.dk")).toHaveLength(0);
    await deliverDueEmails(db, new Date(Date.now() + 10 * 60_000));
    await deliverDueEmails(db, new Date(Date.now() + 20 * 60_000));
    expect(sentEmails.filter((m) => m.to === "fejl@example.dk")).toHaveLength(1);
  });

  it("answers nonsense decisions with 400", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    for (const fields of [{ intent: "explode", companyId: "1" }, { intent: "approve", companyId: "abc" }, {}]) {
      expect((await run(companiesPage.action, post("/virksomheder", fields as Record<string, string>, cookie))).status).toBe(400);
    }
  });
});
