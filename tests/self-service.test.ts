import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { confirmEmailChange, requestEmailChange } from "~/auth/account.server";
import { expressInterest, listInterestsForOpening, setInterestStage } from "~/openings/interests.server";
import { loadOpening } from "~/openings/openings.server";
import { listShortlist } from "~/openings/shortlist.server";
import { answeredWorkDone } from "~/ops/after-answer.server";
import { revealedIdentities } from "~/profiles/contact.server";
import { setProfileHidden } from "~/profiles/profile.server";
import * as root from "~/root";
import * as help from "~/routes/hjaelp";
import * as settings from "~/routes/indstillinger";
import * as myInterests from "~/routes/job_.interesser";
import * as login from "~/routes/login";
import * as account from "~/routes/min-konto";
import * as confirmEmail from "~/routes/min-konto_.ny-email.$token";
import * as openingPage from "~/routes/opslag_.$id";
import { platformResults } from "~/stats/metrics.server";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { linkIn, sentEmails } from "./mocks/email-api";

// Min konto, Mine interesser and the company's shortlist.

let ip = 0;
async function call(handler: (args: ActionFunctionArgs) => unknown, request: Request, params: Record<string, string> = {}) {
  try {
    const result = await handler({ request, params, context: { clientIp: `198.51.100.${++ip}` } });
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function companyUser() {
  const company = await createCompany(db, { name: `Firma ${Math.random().toString(36).slice(2, 7)}` });
  const user = await createUser(db, { role: "company", companyId: company.id, isCompanyAdmin: 1 });
  return { company, user, cookie: await sessionCookie(user.id) };
}

describe("Min konto", () => {
  it("saves a phone number as people write it, refuses a bad one in Danish and changes nothing", async () => {
    const user = await createUser(db, { role: "flexjobber", phone: null });
    const cookie = await sessionCookie(user.id);
    const bad = await run(account.action, post("/min-konto", { intent: "phone", phone: "ring mig" }, cookie));
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.phone).toBe("Skriv et telefonnummer med mindst 8 cifre, fx 12 34 56 78.");
    expect((await db.selectFrom("users").select("phone").where("id", "=", user.id).executeTakeFirstOrThrow()).phone).toBeNull();
    const ok = await run(account.action, post("/min-konto", { intent: "phone", phone: "+45 12 34 56 78" }, cookie));
    expect(ok.headers.get("Location")).toBe("/min-konto?besked=telefon-gemt");
    expect((await db.selectFrom("users").select("phone").where("id", "=", user.id).executeTakeFirstOrThrow()).phone).toBe("+45 12 34 56 78");
    await run(account.action, post("/min-konto", { intent: "phone", phone: "" }, cookie));
    expect((await db.selectFrom("users").select("phone").where("id", "=", user.id).executeTakeFirstOrThrow()).phone).toBeNull();
  });

  it("changes the password only with the current one, and ends the other sessions", async () => {
    const user = await createUser(db, { role: "staff" });
    const other = await sessionCookie(user.id);
    const cookie = await sessionCookie(user.id);
    const fields = { intent: "password", password: "en ny og lang kode", passwordConfirm: "en ny og lang kode" };
    const wrong = await call(account.action, post("/min-konto", { ...fields, currentPassword: "forkert kode" }, cookie));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors.currentPassword).toBe("Adgangskoden er forkert.");
    const ok = await call(account.action, post("/min-konto", { ...fields, currentPassword: user.password }, cookie));
    expect(ok.headers.get("Location")).toBe("/min-konto?besked=adgangskode-aendret");
    expect(ok.headers.get("Set-Cookie")).toContain("refleks_session=");
    const sessions = await db.selectFrom("sessions").select("id").where("userId", "=", user.id).execute();
    expect(sessions.map((s) => s.id)).not.toContain(other.split("=")[1]);
    expect(sessions).toHaveLength(1);
    expect((await call(login.action, post("/login", { email: user.email, password: "en ny og lang kode" }))).status).toBe(302);
    expect(sentEmails.filter((m) => m.to === user.email).map((m) => m.subject)).toContainEqual(expect.stringMatching(/adgangskode .* er skiftet/));
  });

  it("a new email counts only after its link is opened, once; the old address is told; a taken address gets no link", async () => {
    const user = await createUser(db, { role: "company", companyId: (await createCompany(db)).id, email: "gammel@example.dk" });
    const cookie = await sessionCookie(user.id);
    const asked = await call(account.action, post("/min-konto", { intent: "email", newEmail: "Søren@Ærø.dk", emailPassword: user.password }, cookie));
    expect(asked.headers.get("Location")).toBe("/min-konto?besked=email-link-sendt");
    expect((await db.selectFrom("users").select("email").where("id", "=", user.id).executeTakeFirstOrThrow()).email).toBe("gammel@example.dk");
    await answeredWorkDone();
    const link = linkIn(
      sentEmails
        .filter((m) => m.to === "søren@xn--r-3fa9c.dk") /* the transport writes the domain in punycode */
        .at(-1)!,
    );
    const token = link.split("/").pop()!;
    // Opening the link changes nothing (the page has no loader); its button does.
    expect("loader" in confirmEmail).toBe(false);
    expect((await db.selectFrom("users").select("email").where("id", "=", user.id).executeTakeFirstOrThrow()).email).toBe("gammel@example.dk");
    const ok = await call(confirmEmail.action, post(`/min-konto/ny-email/${token}`, {}), { token });
    expect(ok.headers.get("Location")).toBe("/min-konto?besked=email-aendret");
    expect((await db.selectFrom("users").select("email").where("id", "=", user.id).executeTakeFirstOrThrow()).email).toBe("søren@ærø.dk");
    expect(sentEmails.at(-1)).toMatchObject({ to: "gammel@example.dk", subject: expect.stringMatching(/e-mail .* er ændret/) });
    expect((await call(confirmEmail.action, post(`/min-konto/ny-email/${token}`, {}), { token })).status).toBe(410);

    // Someone else's address: the same answer, but no link leaves.
    const taken = await createUser(db, { role: "flexjobber", email: "optaget@example.dk" });
    const before = sentEmails.length;
    expect(await requestEmailChange(db, user.id, taken.email, user.password)).toBe("sent");
    await answeredWorkDone();
    expect(sentEmails.length).toBe(before);
    // A link older than a day no longer works.
    await requestEmailChange(db, user.id, "senere@example.dk", user.password, new Date(Date.now() - 25 * 3_600_000));
    await answeredWorkDone();
    const late = linkIn(sentEmails.filter((m) => m.to === "senere@example.dk").at(-1)!)
      .split("/")
      .pop()!;
    expect(await confirmEmailChange(db, late)).toBe("expired");
    // Wrong password: refused, nothing sent.
    const wrong = await call(account.action, post("/min-konto", { intent: "email", newEmail: "ny@example.dk", emailPassword: "gæt" }, cookie));
    expect(wrong.status).toBe(400);
  });
});

describe("Mine interesser", () => {
  it("lists her interests with their stage; withdrawing hides it (and her shared name) from the company but not from the statistics", async () => {
    const { company, user: companyUserRow } = await companyUser();
    const opening = await createOpening(db, company.id, { title: "Pakkeri" });
    const { user } = await createFlexjobberWithProfile(db);
    const cookie = await sessionCookie(user.id);
    expect(await expressInterest(db, { userId: user.id, openingId: opening.id, shareIdentity: true })).toBe("sent");
    const interest = (await listInterestsForOpening(db, (await loadOpening(db, opening.id))!, company.id))[0]!;
    await setInterestStage(db, { interestId: interest.id, companyId: company.id, stage: "dialog", userId: companyUserRow.id });

    const page = await (await run(myInterests.loader, get("/job/interesser", cookie))).json();
    expect(page.interests).toMatchObject([{ title: "Pakkeri", stage: "dialog", identityShared: 1 }]);
    const statsBefore = await platformResults(db, "2000-01-01", "2100-01-01");

    const res = await run(myInterests.action, post("/job/interesser", { intent: "withdraw", interestId: String(interest.id) }, cookie));
    expect(res.headers.get("Location")).toBe("/job/interesser?besked=interesse-trukket");
    expect(await listInterestsForOpening(db, (await loadOpening(db, opening.id))!, company.id)).toEqual([]);
    expect((await revealedIdentities(db, company.id, [user.id])).size).toBe(0);
    expect((await (await run(myInterests.loader, get("/job/interesser", cookie))).json()).interests).toEqual([]);
    expect((await platformResults(db, "2000-01-01", "2100-01-01")).interestsSent).toBe(statsBefore.interestsSent);

    // Again: 404, nothing changes. Someone else's interest: 404 too.
    expect((await run(myInterests.action, post("/job/interesser", { intent: "withdraw", interestId: String(interest.id) }, cookie))).status).toBe(404);
    // She may say interested again; it starts over as new.
    expect(await expressInterest(db, { userId: user.id, openingId: opening.id, shareIdentity: false })).toBe("sent");
    expect(await listInterestsForOpening(db, (await loadOpening(db, opening.id))!, company.id)).toMatchObject([{ stage: "new", identity: null }]);
  });

  it("a confirmed hire cannot be withdrawn; another person's interest is not hers to withdraw", async () => {
    const { company, user: companyUserRow } = await companyUser();
    const opening = await createOpening(db, company.id);
    const { user } = await createFlexjobberWithProfile(db);
    const { user: other } = await createFlexjobberWithProfile(db);
    await expressInterest(db, { userId: user.id, openingId: opening.id, shareIdentity: false });
    const interest = (await listInterestsForOpening(db, (await loadOpening(db, opening.id))!, company.id))[0]!;
    await setInterestStage(db, { interestId: interest.id, companyId: company.id, stage: "hired", userId: companyUserRow.id });
    await db.updateTable("hires").set({ confirmedAt: new Date().toISOString() }).where("interestId", "=", interest.id).execute();
    const cookie = await sessionCookie(user.id);
    expect((await run(myInterests.action, post("/job/interesser", { intent: "withdraw", interestId: String(interest.id) }, cookie))).status).toBe(409);
    expect((await run(myInterests.action, post("/job/interesser", { intent: "withdraw", interestId: String(interest.id) }, await sessionCookie(other.id)))).status).toBe(404);
    expect(await listInterestsForOpening(db, (await loadOpening(db, opening.id))!, company.id)).toHaveLength(1);
  });
});

describe("shortlist", () => {
  it("a company shortlists visible candidates per opening; a paused profile drops off; another company's opening is closed to it", async () => {
    const { company, cookie } = await companyUser();
    const opening = await createOpening(db, company.id, { title: "Kantine" });
    const { user: a, profile: pa } = await createFlexjobberWithProfile(db);
    const { profile: pb } = await createFlexjobberWithProfile(db);
    const aliasA = pa.alias;
    const add = (alias: string, c = cookie, id = opening.id) => run(openingPage.action, post(`/opslag/${id}`, { intent: "shortlist", alias }, c), { id: String(id) });
    expect((await add(aliasA)).headers.get("Location")).toBe(`/opslag/${opening.id}?besked=kortliste-tilfoejet`);
    await add(pb.alias);
    await add(aliasA);
    const details = (await loadOpening(db, opening.id))!;
    expect((await listShortlist(db, details, company.id)).map((c) => c.alias)).toEqual([aliasA, pb.alias]);
    const data = await (await run(openingPage.loader, get(`/opslag/${opening.id}`, cookie), { id: String(opening.id) })).json();
    expect(data.shortlist.map((c: { alias: string }) => c.alias)).toEqual([aliasA, pb.alias]);
    expect(JSON.stringify(data.shortlist)).not.toContain(a.name);

    await setProfileHidden(db, a.id, true);
    expect((await listShortlist(db, details, company.id)).map((c) => c.alias)).toEqual([pb.alias]);
    expect((await add(aliasA)).status).toBe(404);
    expect((await add("FINDES-IKKE")).status).toBe(404);

    await run(openingPage.action, post(`/opslag/${opening.id}`, { intent: "unshortlist", alias: pb.alias }, cookie), { id: String(opening.id) });
    expect(await listShortlist(db, details, company.id)).toEqual([]);

    const { cookie: otherCookie } = await companyUser();
    expect((await add(pb.alias, otherCookie)).status).toBe(403);
  });
});

describe("jobcenter contact details", () => {
  it("an admin edits them (Danish input accepted, bad input refused), every page's root data carries them, staff may not edit", async () => {
    const admin = await createUser(db, { role: "admin" });
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(admin.id);
    const fields = {
      intent: "contact",
      name: "Jobcenter Ærø",
      address: "Vestergade 1\n5970 Ærøskøbing",
      phone: "62 52 00 00",
      email: "jobcenter@ærø.dk",
      openingHours: "Man-tor 9-15",
    };
    const bad = await run(settings.action, post("/indstillinger", { ...fields, email: "ikke en mail" }, cookie));
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.email).toBe("Skriv en gyldig e-mail, fx navn@eksempel.dk.");
    expect((await run(settings.action, post("/indstillinger", fields, await sessionCookie(staff.id)))).status).toBe(403);
    const ok = await run(settings.action, post("/indstillinger", fields, cookie));
    expect(ok.headers.get("Location")).toBe("/indstillinger?besked=indstillinger-gemt");
    const data = await (await run(root.loader, get("/hjaelp"))).json();
    expect(data.contact).toMatchObject({ name: "Jobcenter Ærø", phone: "62 52 00 00", email: "jobcenter@ærø.dk", openingHours: "Man-tor 9-15" });
    expect((await run(help.loader, get("/hjaelp"))).status).toBe(200);
  });
});
