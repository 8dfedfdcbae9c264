import { describe, expect, it } from "vitest";

import { deliverDueEmails, deliverQueued, listUnsentEmails, MAX_ATTEMPTS, queueEmail } from "~/email/email.server";
import * as citizens from "~/routes/borgere";
import * as outgoing from "~/routes/e-mails";
import * as companiesPage from "~/routes/virksomheder";

import { db } from "../db/client.server";
import { createCompany, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { failNextEmail, hangNextEmail, sentEmails } from "./mocks/email-api";

// Email that fails is not lost: queued with the change, sent with a timeout,
// retried with backoff, resent by staff, never sent twice.

const MINUTE = 60_000;
const sentTo = (to: string) => sentEmails.filter((m) => m.to === to);
const row = (id: number) => db.selectFrom("emailQueue").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("the email queue", () => {
  it("a hanging API times out: the request comes back and the email waits for a retry", async () => {
    hangNextEmail();
    const id = await queueEmail(db, { to: "haenger@example.dk", subject: "Hej", text: "Tekst" }, { kind: "notice" });
    expect(await deliverQueued(db, [id])).toBe(0);
    const after = await row(id);
    expect(after).toMatchObject({ status: "pending", attempts: 1 });
    expect(after.lastError).toMatch(/did not answer within 300 ms/);
    expect(await deliverDueEmails(db, new Date(Date.now() + 2 * MINUTE))).toBeGreaterThanOrEqual(1);
    expect(sentTo("haenger@example.dk")).toHaveLength(1);
  });

  it("a failing API leaves the rejection saved and its email queued; a later round sends it exactly once", async () => {
    const staff = await createUser(db, { role: "staff" });
    const company = await createCompany(db, { name: "Afvist ApS", status: "pending", contactEmail: "afvist@example.dk" });
    failNextEmail();
    const res = await run(
      companiesPage.action,
      post("/virksomheder", { intent: "reject", companyId: String(company.id), note: "Uden for kommunen" }, await sessionCookie(staff.id)),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/virksomheder?besked=beslutning-mail-venter");
    expect((await db.selectFrom("companies").select("status").where("id", "=", company.id).executeTakeFirstOrThrow()).status).toBe("rejected");
    // The staff member's retry is not a 409: nothing is left to decide, the email is on its way.
    expect(sentTo("afvist@example.dk")).toHaveLength(0);
    const queued = await db.selectFrom("emailQueue").selectAll().where("companyId", "=", company.id).executeTakeFirstOrThrow();
    expect(queued).toMatchObject({ status: "pending", attempts: 1, kind: "company_decision" });

    // Two worker rounds at once (and again later) send it once.
    const later = new Date(Date.now() + 5 * MINUTE);
    await Promise.all([deliverDueEmails(db, later), deliverDueEmails(db, later), deliverQueued(db, [queued.id], later)]);
    await deliverDueEmails(db, new Date(Date.now() + 60 * MINUTE));
    expect(sentTo("afvist@example.dk")).toHaveLength(1);
    expect(sentTo("afvist@example.dk")[0]!.text).toMatch(/Uden for kommunen/);
    const sent = await row(queued.id);
    expect(sent).toMatchObject({ status: "sent", body: "" });
  });

  it("after the last try staff see 'Ikke sendt – prøv igen' and resend it; an invitation stays open meanwhile", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    failNextEmail(MAX_ATTEMPTS);
    const res = await run(citizens.action, post("/borgere", { name: "Vente Vibeke", email: "vente@example.dk" }, cookie));
    expect(res.headers.get("Location")).toBe("/borgere?besked=invitation-venter");
    let t = Date.now();
    for (let i = 1; i < MAX_ATTEMPTS; i++) await deliverDueEmails(db, new Date((t += 24 * 60 * MINUTE)));
    const [email] = (await listUnsentEmails(db)).rows.filter((e) => e.toAddress === "vente@example.dk");
    expect(email).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, kind: "invitation" });
    const invitation = await db.selectFrom("invitations").selectAll().where("email", "=", "vente@example.dk").executeTakeFirstOrThrow();
    expect(invitation.revokedAt).toBeNull();

    const page = await (await run(outgoing.loader, get("/e-mails", cookie))).text();
    expect(page).toContain("vente@example.dk");
    expect(page).not.toMatch(/invitation\/[A-Za-z0-9_-]{20,}/);
    const again = await run(outgoing.action, post("/e-mails", { emailId: String(email!.id) }, cookie));
    expect(again.headers.get("Location")).toBe("/e-mails?besked=email-sendt");
    expect(sentTo("vente@example.dk")).toHaveLength(1);
    expect((await run(outgoing.action, post("/e-mails", { emailId: String(email!.id) }, cookie))).status).toBe(409);
    expect(sentTo("vente@example.dk")).toHaveLength(1);
  });
});
