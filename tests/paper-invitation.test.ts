import { describe, expect, it } from "vitest";

import { attemptLogin } from "~/auth/login.server";
import { registerCitizen } from "~/citizens/citizens.server";
import { emailShown, hasNoEmail } from "~/email/no-email";
import { loadWorklist } from "~/follow-up/worklist.server";
import * as citizensPage from "~/routes/borgere";
import * as citizenPage from "~/routes/borgere_.$id";
import * as letterPage from "~/routes/borgere_.$id_.brev";
import * as invitationPage from "~/routes/invitation.$token";
import * as codePage from "~/routes/kode";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { sentEmails } from "./mocks/email-api";

// An invitation on paper, for a citizen who is not online.

describe("Invitation on paper", () => {
  it("the letter's code, typed as a person types it, leads to the invitation once; an older link stops working; wrong codes get a calm 400", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const person = await registerCitizen(db, { name: "Poul Papir", email: "poul@example.dk", staffId: staff.id });
    if (person === "exists") throw new Error("exists");

    const made = await run(letterPage.action, post(`/borgere/${person.id}/brev`, { intent: "brev" }, cookie), { id: person.id });
    expect(made.status).toBe(200);
    const { letter } = (await made.json()) as { letter: { code: string; address: string; name: string } };
    expect(letter.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
    expect(letter.address).toBe("http://refleks.test/kode");
    // Nothing of the code is stored in the clear.
    const stored = await db.selectFrom("invitations").select("tokenHash").where("email", "=", "poul@example.dk").execute();
    expect(JSON.stringify(stored)).not.toContain(letter.code.replace(/-/g, ""));

    // Typed in small letters with spaces.
    const typed = letter.code.toLowerCase().replace(/-/g, " ");
    const go = await run(codePage.action, post("/kode", { kode: typed }, undefined), {});
    expect(go.status).toBe(302);
    const location = go.headers.get("Location")!;
    const token = location.split("/").pop()!;
    expect((await run(invitationPage.loader, get(location), { token })).status).toBe(200);
    const accepted = await run(
      invitationPage.action,
      post(location, { password: "en god lang kode her", passwordConfirm: "en god lang kode her", acceptPrivacy: "on", healthConsent: "nej" }),
      { token },
    );
    expect(accepted.status).toBe(302);
    // Once only.
    expect((await run(codePage.action, post("/kode", { kode: letter.code }), {})).status).toBe(400);

    // A new letter for someone else replaces that person's older invitation; a made-up code is a 400 in Danish.
    const other = await registerCitizen(db, { name: "Else Eksempel", email: "else@example.dk", staffId: staff.id });
    if (other === "exists") throw new Error("exists");
    const first = ((await (await run(letterPage.action, post(`/borgere/${other.id}/brev`, { intent: "brev" }, cookie), { id: other.id })).json()) as { letter: { code: string } })
      .letter.code;
    await run(letterPage.action, post(`/borgere/${other.id}/brev`, { intent: "brev" }, cookie), { id: other.id });
    const stale = await run(codePage.action, post("/kode", { kode: first }), {});
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ errors: { kode: expect.stringMatching(/passer ikke/) } });
    expect((await run(codePage.action, post("/kode", { kode: "" }), {})).status).toBe(400);

    // Staff only; a citizen with an account gets no letter.
    expect((await run(letterPage.action, post(`/borgere/${person.id}/brev`, { intent: "brev" }, cookie), { id: person.id })).status).toBe(409);
    expect((await run(letterPage.loader, get(`/borgere/${other.id}/brev`, await sessionCookie(person.id)), { id: other.id })).status).toBe(403);
  });

  it("a citizen with no email is registered without one, gets only the letter, and gives her own address when she accepts it; nothing is sent to the made-up one", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const registered = await run(
      citizensPage.action,
      post("/borgere", { intent: "register", name: "Ingrid Uden", email: "", consultantId: staff.id, status: "ledig", fromDate: "2026-11-01" }, cookie),
    );
    expect(registered.status).toBe(302);
    const person = await db.selectFrom("users").select(["id", "email"]).where("name", "=", "Ingrid Uden").executeTakeFirstOrThrow();
    expect(hasNoEmail(person.email)).toBe(true);
    // Staff read "Ingen e-mail"; no email invitation can be sent, the letter can.
    const page = (await (await run(citizenPage.loader, get(`/borgere/${person.id}`, cookie), { id: person.id })).json()) as { person: { email: string } };
    expect(emailShown(page.person.email)).toBe("Ingen e-mail");
    const before = sentEmails.length;
    const resend = await run(citizenPage.action, post(`/borgere/${person.id}`, { intent: "resend" }, cookie), { id: person.id });
    expect(resend.status).toBe(409);
    const { letter } = (await (await run(letterPage.action, post(`/borgere/${person.id}/brev`, { intent: "brev" }, cookie), { id: person.id })).json()) as {
      letter: { code: string };
    };
    expect(sentEmails.length).toBe(before);

    // On Opfølgning, her unanswered invitation can only be printed again.
    await db
      .updateTable("invitations")
      .set({ createdAt: new Date(Date.now() - 8 * 86_400_000).toISOString() })
      .where("email", "=", person.email)
      .execute();
    expect((await loadWorklist(db, { staffId: staff.id, mine: true })).invitations.rows).toEqual([expect.objectContaining({ who: "Ingrid Uden", paperOnly: true })]);
    // The code expires like the emailed link.
    const valid = await db.selectFrom("invitations").select("expiresAt").where("email", "=", person.email).executeTakeFirstOrThrow();
    await db
      .updateTable("invitations")
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where("email", "=", person.email)
      .execute();
    expect((await run(codePage.action, post("/kode", { kode: letter.code }), {})).status).toBe(400);
    await db.updateTable("invitations").set({ expiresAt: valid.expiresAt }).where("email", "=", person.email).execute();

    const location = (await run(codePage.action, post("/kode", { kode: letter.code }), {})).headers.get("Location")!;
    const token = location.split("/").pop()!;
    const form = { password: "en god lang kode her", passwordConfirm: "en god lang kode her", acceptPrivacy: "on", healthConsent: "nej" };
    // Her own address is needed to log in with a password.
    const without = await run(invitationPage.action, post(location, form), { token });
    expect(without.status).toBe(400);
    expect((await without.json()).errors.newEmail).toBe("Skriv din e-mail. Du logger ind med den.");
    // One that belongs to someone else is refused and changes nothing.
    await createUser(db, { role: "flexjobber", email: "optaget@example.dk" });
    expect((await run(invitationPage.action, post(location, { ...form, newEmail: "optaget@example.dk" }), { token })).status).toBe(409);
    expect((await db.selectFrom("users").select("status").where("id", "=", person.id).executeTakeFirstOrThrow()).status).toBe("registered");
    // Ordinary Danish input is fine.
    const accepted = await run(invitationPage.action, post(location, { ...form, newEmail: "Ingrid@Ærø.dk" }), { token });
    expect(accepted.status).toBe(302);
    expect(await db.selectFrom("users").select(["email", "status"]).where("id", "=", person.id).executeTakeFirstOrThrow()).toEqual({ email: "ingrid@ærø.dk", status: "active" });
    expect(await attemptLogin(db, "ingrid@ærø.dk", form.password)).toEqual({ status: "ok", userId: person.id });
  });
});
