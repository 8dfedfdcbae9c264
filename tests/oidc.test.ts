import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createInvitation } from "~/auth/invitations.server";
import * as access from "~/routes/adgang";
import * as citizenPage from "~/routes/borgere_.$id";
import * as settings from "~/routes/indstillinger";
import * as invitationPage from "~/routes/invitation.$token";
import * as loginPage from "~/routes/login";
import * as start from "~/routes/login_.$provider";
import * as callback from "~/routes/login_.$provider_.callback";
import * as logout from "~/routes/logout";
import * as account from "~/routes/min-konto";

import { db } from "../db/client.server";
import { startTestProvider, type TestPerson, type TestProvider } from "../scripts/idp/test-provider";
import { createCompany, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { cookiePair, throughProvider } from "./oidc-flow";

// Logins through OpenID Connect against a real provider (oidc-provider)
// started here on a free loopback port; nothing of ours is mocked.

const PEOPLE: TestPerson[] = [
  { sub: "mitid-anna", audience: "citizen", claims: { name: "Anna Andersen" } },
  { sub: "mitid-stranger", audience: "citizen", claims: { name: "Ukendt Person" } },
  { sub: "mitid-paused", audience: "citizen", claims: { name: "Pia Pause" } },
  { sub: "erhverv-wrong-cvr", audience: "business", claims: { name: "Karl Firma", email: "karl@firma.dk", email_verified: true, cvr: "99999999" } },
  { sub: "erhverv-right-cvr", audience: "business", claims: { name: "Karl Firma", email: "karl@firma.dk", email_verified: true, cvr: "11223344" } },
  { sub: "erhverv-nora", audience: "business", claims: { name: "Nora Ny", email: "nora@nyfirma.dk", email_verified: true, cvr: "55667788" } },
  { sub: "erhverv-kollega", audience: "business", claims: { name: "Kim Kollega", email: "kim@firma.dk", email_verified: true, cvr: "11223344" } },
  { sub: "mitid-linker", audience: "citizen", claims: { name: "Lis Link" } },
  { sub: "mitid-no-password", audience: "citizen", claims: { name: "Nanna Nøgle" } },
  { sub: "kommune-ny", audience: "staff", claims: { name: "Nils Ny", email: "nils@kommune.dk", email_verified: true } },
  { sub: "kommune-mette", audience: "staff", claims: { name: "Mette M", email: "mette@kommune.dk", email_verified: true } },
  // Hostile: an email claim that names a colleague, unverified or from a second identity.
  { sub: "erhverv-boss-unverified", audience: "business", claims: { name: "Ole Overtag", email: "BOSS@firma.dk", email_verified: false, cvr: "22334455" } },
  { sub: "erhverv-boss-real", audience: "business", claims: { name: "Bo Boss", email: "boss@firma.dk", email_verified: true, cvr: "22334455" } },
  { sub: "erhverv-boss-second", audience: "business", claims: { name: "Ole Overtag", email: "boss@firma.dk", email_verified: true, cvr: "22334455" } },
  { sub: "kommune-sara-unverified", audience: "staff", claims: { name: "Ole Overtag", email: "sara@kommune.dk", email_verified: false } },
  { sub: "kommune-sara", audience: "staff", claims: { name: "Sara S", email: "sara@kommune.dk", email_verified: true } },
  { sub: "kommune-sara-second", audience: "staff", claims: { name: "Ole Overtag", email: "sara@kommune.dk", email_verified: true } },
  { sub: "mitid-cathrine", audience: "citizen", claims: { name: "Cathrine C" } },
  { sub: "mitid-cathrine-second", audience: "citizen", claims: { name: "Ole Overtag", email: "cathrine@example.dk", email_verified: true } },
];

let idp: TestProvider;

beforeAll(async () => {
  idp = await startTestProvider({ appUrl: process.env.APP_URL!, people: PEOPLE });
  Object.assign(process.env, idp.env);
});

afterAll(async () => {
  for (const key of Object.keys(idp.env)) delete process.env[key];
  await idp.close();
});

const SLUGS = { citizen: "mitid", business: "mitid-erhverv", staff: "kommune" } as const;

/** Presses a provider button: the redirect to the provider and this browser's round-trip cookie. */
async function press(audience: keyof typeof SLUGS, fields: Record<string, string>, cookie?: string) {
  const res = await run(start.action, post(`/login/${SLUGS[audience]}`, fields, cookie), { provider: SLUGS[audience] });
  expect(res.status).toBe(302);
  const location = res.headers.get("Location")!;
  expect(location.startsWith(idp.issuer)).toBe(true);
  return { authorizeUrl: location, cookie: cookiePair(res, "refleks_oidc") };
}

async function callbackAs(audience: keyof typeof SLUGS, callbackUrl: string, cookie: string) {
  const url = new URL(callbackUrl);
  return run(callback.loader, get(url.pathname + url.search, cookie), { provider: SLUGS[audience] });
}

/** A whole login: the button, the provider, and the callback. */
async function loginAs(audience: keyof typeof SLUGS, person: string) {
  const { authorizeUrl, cookie } = await press(audience, { purpose: "login", redirectTo: "/profil" });
  return callbackAs(audience, await throughProvider(authorizeUrl, person), cookie);
}

const sessionsOf = async (userId: string) => (await db.selectFrom("sessions").select("id").where("userId", "=", userId).execute()).length;

describe("MitID for citizens", () => {
  it("an invited citizen accepts with MitID, and later logs in with MitID; the logins count as logins", async () => {
    const staff = await createUser(db, { role: "staff" });
    const { token } = await createInvitation(db, { email: "anna@example.dk", name: "Anna Andersen", role: "flexjobber", invitedBy: staff.id });

    // The invitation page offers MitID beside a password.
    const page = await (await run(invitationPage.loader, get(`/invitation/${token}`), { token })).json();
    expect(page.provider).toMatchObject({ slug: "mitid", verified: false });

    const { authorizeUrl, cookie } = await press("citizen", { purpose: "invitation", token });
    const back = await callbackAs("citizen", await throughProvider(authorizeUrl, "mitid-anna"), cookie);
    expect(back.status).toBe(302);
    expect(back.headers.get("Location")).toBe(`/invitation/${token}`);

    // Back on the invitation: only the consents are left.
    const verified = await (await run(invitationPage.loader, get(`/invitation/${token}`, cookie), { token })).json();
    expect(verified.provider).toMatchObject({ verified: true });
    const accepted = await run(invitationPage.action, post(`/invitation/${token}`, { intent: "provider", acceptPrivacy: "on", healthConsent: "nej" }, cookie), { token });
    expect(accepted.status).toBe(302);
    expect(cookiePair(accepted, "refleks_session")).toMatch(/^refleks_session=\w+/);
    const user = await db.selectFrom("users").select(["id", "passwordHash", "status"]).where("email", "=", "anna@example.dk").executeTakeFirstOrThrow();
    expect(user).toMatchObject({ status: "active", passwordHash: "" });
    const link = await db.selectFrom("loginIdentities").selectAll().where("userId", "=", user.id).executeTakeFirstOrThrow();
    // The provider's persistent subject, nothing else about the person.
    expect(link).toMatchObject({ issuer: idp.issuer, subject: "mitid-anna", audience: "citizen" });

    // Staff see how she logs in, for when she calls.
    const seen = await (await run(citizenPage.loader, get(`/borgere/${user.id}`, await sessionCookie(staff.id)), { id: user.id })).json();
    expect(seen.mitidSince).toBe(link.createdAt);

    // The round trip is used up: the same cookie cannot accept again.
    expect((await db.selectFrom("oidcLogins").select("id").execute()).length).toBe(0);

    // Later: "Log ind med MitID".
    const login = await loginAs("citizen", "mitid-anna");
    expect(login.status).toBe(302);
    expect(login.headers.get("Location")).toBe("/profil");
    const sessionId = cookiePair(login, "refleks_session").split("=")[1]!;
    const session = await db.selectFrom("sessions").select(["userId", "loginMethod"]).where("id", "=", sessionId).executeTakeFirstOrThrow();
    expect(session).toEqual({ userId: user.id, loginMethod: "citizen" });
    const events = await db.selectFrom("loginEvents").select(["succeeded", "method"]).where("userId", "=", user.id).execute();
    expect(events).toEqual([{ succeeded: 1, method: "citizen" }]);
  });

  it("an identity linked to no account gets a calm page about invitations, and no session", async () => {
    const res = await loginAs("citizen", "mitid-stranger");
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("refleks_session=") && !c.startsWith("refleks_session=;"))).toBe(false);
    expect(await res.json()).toMatchObject({ title: "Du har ikke en konto endnu", text: expect.stringMatching(/jobcentret/) });
  });

  it("a suspended citizen cannot log in with MitID", async () => {
    const user = await createUser(db, { role: "flexjobber", status: "suspended" });
    await db
      .insertInto("loginIdentities")
      .values({ issuer: idp.issuer, subject: "mitid-paused", userId: user.id, audience: "citizen", createdAt: new Date().toISOString() })
      .execute();
    const res = await loginAs("citizen", "mitid-paused");
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ title: "Din adgang er sat på pause" });
    expect(await sessionsOf(user.id)).toBe(0);
  });
});

describe("tampered callbacks", () => {
  it("a start button whose body is not a form gets a 4xx and sends no one to the provider", async () => {
    for (const [type, body] of [
      ["application/json", '{"purpose":"login"}'],
      ["text/plain", "purpose=login"],
      ["application/x-www-form-urlencoded", "purpose=noget-andet"],
    ]) {
      const request = new Request("http://refleks.test/login/mitid", { method: "POST", headers: { "Content-Type": type! }, body });
      const res = await run(start.action, request, { provider: "mitid" });
      expect([400, 415], type).toContain(res.status);
      expect(res.headers.get("Location")).toBeNull();
    }
  });

  it("a wrong state gets 400 and no session", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    await db
      .insertInto("loginIdentities")
      .values({ issuer: idp.issuer, subject: "mitid-anna-2", userId: user.id, audience: "citizen", createdAt: new Date().toISOString() })
      .execute();
    const { authorizeUrl, cookie } = await press("citizen", { purpose: "login" });
    const url = new URL(await throughProvider(authorizeUrl, "mitid-stranger"));
    url.searchParams.set("state", "forfalsket");
    const res = await callbackAs("citizen", url.href, cookie);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ title: "Log ind blev ikke gennemført" });
    expect(res.headers.getSetCookie().filter((c) => c.startsWith("refleks_session="))).toEqual([]);
  });

  it("a wrong nonce (an ID token from another round trip) gets 400 and no session; so does a replayed callback", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    await db
      .insertInto("loginIdentities")
      .values({ issuer: idp.issuer, subject: "mitid-anna-3", userId: user.id, audience: "citizen", createdAt: new Date().toISOString() })
      .execute();
    const before = await db.selectFrom("sessions").select("id").execute();
    const { authorizeUrl, cookie } = await press("citizen", { purpose: "login" });
    const callbackUrl = await throughProvider(authorizeUrl, "mitid-anna");
    // The token the provider issues carries the nonce it was asked for; this browser expects another.
    await db.updateTable("oidcLogins").set({ nonce: "en-anden-nonce" }).execute();
    const res = await callbackAs("citizen", callbackUrl, cookie);
    expect(res.status).toBe(400);
    // The same callback again: the round trip is gone.
    expect((await callbackAs("citizen", callbackUrl, cookie)).status).toBe(400);
    // And without this browser's cookie.
    const other = await press("citizen", { purpose: "login" });
    expect((await callbackAs("citizen", await throughProvider(other.authorizeUrl, "mitid-anna"), "refleks_oidc=fremmed")).status).toBe(400);
    expect(await db.selectFrom("sessions").select("id").execute()).toEqual(before);
  });
});

describe("a code for another client", () => {
  it("is refused with 400 even when state and nonce are this browser's", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    await db
      .insertInto("loginIdentities")
      .values({ issuer: idp.issuer, subject: "mitid-anna-4", userId: user.id, audience: "citizen", createdAt: new Date().toISOString() })
      .execute();
    const { authorizeUrl, cookie } = await press("citizen", { purpose: "login" });
    // The same request, but as the companies' client: the code is issued to that client.
    const other = new URL(authorizeUrl);
    other.searchParams.set("client_id", "refleks-business");
    other.searchParams.set("redirect_uri", `${process.env.APP_URL}/login/mitid-erhverv/callback`);
    const issued = new URL(await throughProvider(other.href, "mitid-anna"));
    const res = await callbackAs("citizen", `${process.env.APP_URL}/login/mitid/callback${issued.search}`, cookie);
    expect(res.status).toBe(400);
    expect(await sessionsOf(user.id)).toBe(0);
  });
});

describe("MitID Erhverv and the municipality's login", () => {
  it("a company person whose token carries another CVR is refused; the right CVR logs in and links", async () => {
    const company = await createCompany(db, { cvr: "11223344", status: "approved" });
    const karl = await createUser(db, { role: "company", email: "karl@firma.dk", companyId: company.id });
    const wrong = await loginAs("business", "erhverv-wrong-cvr");
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ title: "CVR-nummeret passer ikke" });
    expect(await sessionsOf(karl.id)).toBe(0);

    const right = await loginAs("business", "erhverv-right-cvr");
    expect(right.status).toBe(302);
    expect(await sessionsOf(karl.id)).toBe(1);
    expect(await db.selectFrom("loginIdentities").select("subject").where("userId", "=", karl.id).execute()).toEqual([{ subject: "erhverv-right-cvr" }]);
  });

  it("staff are linked by their verified work email on first use; only accounts an admin created", async () => {
    expect((await loginAs("staff", "kommune-mette")).status).toBe(403);
    const mette = await createUser(db, { role: "staff", email: "mette@kommune.dk" });
    const res = await loginAs("staff", "kommune-mette");
    expect(res.status).toBe(302);
    expect(await sessionsOf(mette.id)).toBe(1);
  });

  it("a staff invitation is accepted with the municipality's login; without the privacy tick nothing is created", async () => {
    const admin = await createUser(db, { role: "admin" });
    const { token } = await createInvitation(db, { email: "nils@kommune.dk", name: "Nils Ny", role: "staff", invitedBy: admin.id });
    const { authorizeUrl, cookie } = await press("staff", { purpose: "invitation", token });
    await callbackAs("staff", await throughProvider(authorizeUrl, "kommune-ny"), cookie);
    const untick = await run(invitationPage.action, post(`/invitation/${token}`, { intent: "provider" }, cookie), { token });
    expect(untick.status).toBe(400);
    expect(await db.selectFrom("users").select("id").where("email", "=", "nils@kommune.dk").execute()).toEqual([]);
    const accepted = await run(invitationPage.action, post(`/invitation/${token}`, { intent: "provider", acceptPrivacy: "on" }, cookie), { token });
    expect(accepted.status).toBe(302);
    const nils = await db.selectFrom("users").select(["id", "role"]).where("email", "=", "nils@kommune.dk").executeTakeFirstOrThrow();
    expect(nils.role).toBe("staff");
    expect((await loginAs("staff", "kommune-ny")).status).toBe(302);
  });
});

describe("an identity never takes over an account", () => {
  const linksOf = (userId: string) => db.selectFrom("loginIdentities").select(["subject", "audience"]).where("userId", "=", userId).execute();
  const refusals = (userId: string) =>
    db.selectFrom("auditLog").select(["action", "actorId"]).where("subjectUserId", "=", userId).where("action", "=", "identity_link_refused").execute();

  it("MitID Erhverv: an unverified email claim links nothing; a second identity for a linked account is refused and logged", async () => {
    const company = await createCompany(db, { cvr: "22334455", status: "approved" });
    const boss = await createUser(db, { role: "company", email: "boss@firma.dk", companyId: company.id, isCompanyAdmin: 1 });

    const unverified = await loginAs("business", "erhverv-boss-unverified");
    expect(unverified.status).toBe(403);
    expect(await sessionsOf(boss.id)).toBe(0);
    expect(await linksOf(boss.id)).toEqual([]);

    expect((await loginAs("business", "erhverv-boss-real")).status).toBe(302);
    expect(await linksOf(boss.id)).toEqual([{ subject: "erhverv-boss-real", audience: "business" }]);
    await db.deleteFrom("sessions").where("userId", "=", boss.id).execute();

    const second = await loginAs("business", "erhverv-boss-second");
    expect(second.status).toBe(403);
    expect(await second.json()).toMatchObject({ text: expect.stringMatching(/^Denne MitID Erhverv er ikke knyttet til din konto/) });
    expect(await sessionsOf(boss.id)).toBe(0);
    expect(await linksOf(boss.id)).toEqual([{ subject: "erhverv-boss-real", audience: "business" }]);
    expect(await refusals(boss.id)).toEqual([{ action: "identity_link_refused", actorId: null }]);
    // The real person still gets in.
    expect((await loginAs("business", "erhverv-boss-real")).status).toBe(302);
  });

  it("staff: the same rule", async () => {
    const sara = await createUser(db, { role: "staff", email: "sara@kommune.dk" });
    expect((await loginAs("staff", "kommune-sara-unverified")).status).toBe(403);
    expect(await linksOf(sara.id)).toEqual([]);
    expect((await loginAs("staff", "kommune-sara")).status).toBe(302);
    await db.deleteFrom("sessions").where("userId", "=", sara.id).execute();
    const second = await loginAs("staff", "kommune-sara-second");
    expect(second.status).toBe(403);
    expect(await sessionsOf(sara.id)).toBe(0);
    expect(await linksOf(sara.id)).toEqual([{ subject: "kommune-sara", audience: "staff" }]);
    expect(await refusals(sara.id)).toHaveLength(1);
  });

  it("citizens: a second MitID, even with a verified email claim, is never linked at login", async () => {
    const cathrine = await createUser(db, { role: "flexjobber", email: "cathrine@example.dk" });
    await db
      .insertInto("loginIdentities")
      .values({ issuer: idp.issuer, subject: "mitid-cathrine", userId: cathrine.id, audience: "citizen", createdAt: new Date().toISOString() })
      .execute();
    const second = await loginAs("citizen", "mitid-cathrine-second");
    expect(second.status).toBe(403);
    expect(await sessionsOf(cathrine.id)).toBe(0);
    expect(await linksOf(cathrine.id)).toEqual([{ subject: "mitid-cathrine", audience: "citizen" }]);
  });
});

describe("companies with MitID Erhverv", () => {
  it("an access request made with MitID Erhverv carries the verified CVR and name, whatever the form says", async () => {
    const { authorizeUrl, cookie } = await press("business", { purpose: "access-request" });
    const back = await callbackAs("business", await throughProvider(authorizeUrl, "erhverv-nora"), cookie);
    expect(back.headers.get("Location")).toBe("/adgang");
    expect(await (await run(access.loader, get("/adgang", cookie))).json()).toMatchObject({ verified: { cvr: "55667788", name: "Nora Ny" } });
    const sent = await run(access.action, post("/adgang", { companyName: "Ny Firma ApS", cvr: "00000000", contactName: "Nogen Andre", email: "nora@nyfirma.dk" }, cookie));
    expect(sent.headers.get("Location")).toBe("/adgang/tak");
    const company = await db.selectFrom("companies").selectAll().where("name", "=", "Ny Firma ApS").executeTakeFirstOrThrow();
    expect(company).toMatchObject({ cvr: "55667788", contactName: "Nora Ny", status: "pending" });
    expect(company.cvrVerifiedAt).not.toBeNull();
    // Without MitID Erhverv the request is as typed, and not marked verified.
    await run(access.action, post("/adgang", { companyName: "Typet ApS", cvr: "12121212", contactName: "Tom Typet", email: "tom@typet.dk" }));
    expect(await db.selectFrom("companies").select("cvrVerifiedAt").where("cvr", "=", "12121212").executeTakeFirstOrThrow()).toEqual({ cvrVerifiedAt: null });
  });

  it("a colleague accepts an invitation with MitID Erhverv for the same CVR", async () => {
    const company =
      (await db.selectFrom("companies").select("id").where("cvr", "=", "11223344").executeTakeFirst()) ?? (await createCompany(db, { cvr: "11223344", status: "approved" }));
    const { token } = await createInvitation(db, { email: "kim@firma.dk", name: "Kim Kollega", role: "company", invitedBy: null, companyId: company.id });
    const { authorizeUrl, cookie } = await press("business", { purpose: "invitation", token });
    await callbackAs("business", await throughProvider(authorizeUrl, "erhverv-kollega"), cookie);
    const accepted = await run(invitationPage.action, post(`/invitation/${token}`, { intent: "provider", acceptPrivacy: "on" }, cookie), { token });
    expect(accepted.status).toBe(302);
    const kim = await db.selectFrom("users").select("id").where("email", "=", "kim@firma.dk").executeTakeFirstOrThrow();
    expect(await db.selectFrom("loginIdentities").select("subject").where("userId", "=", kim.id).execute()).toEqual([{ subject: "erhverv-kollega" }]);
  });
});

describe("linking, passwords off, logout", () => {
  it("a signed-in citizen links MitID on Min konto, and unlinks it", async () => {
    const lis = await createUser(db, { role: "flexjobber" });
    const session = await sessionCookie(lis.id);
    expect((await (await run(account.loader, get("/min-konto", session))).json()).provider).toMatchObject({ slug: "mitid", linkedSince: null });
    const { authorizeUrl, cookie } = await press("citizen", { purpose: "link" }, session);
    const back = await callbackAs("citizen", await throughProvider(authorizeUrl, "mitid-linker"), `${session}; ${cookie}`);
    expect(back.headers.get("Location")).toBe("/min-konto?besked=login-tilknyttet");
    expect((await (await run(account.loader, get("/min-konto", session))).json()).provider.linkedSince).not.toBeNull();
    expect((await loginAs("citizen", "mitid-linker")).status).toBe(302);
    const unlinked = await run(account.action, post("/min-konto", { intent: "unlink-provider" }, session));
    expect(unlinked.headers.get("Location")).toBe("/min-konto?besked=login-fjernet");
    expect((await loginAs("citizen", "mitid-linker")).status).toBe(403);
  });

  it("an account created with MitID (no password) changes its email by confirming with MitID; another MitID cannot", async () => {
    const nanna = await createUser(db, { role: "flexjobber", email: "nanna@example.dk" });
    await db.updateTable("users").set({ passwordHash: "" }).where("id", "=", nanna.id).execute();
    await db
      .insertInto("loginIdentities")
      .values({ issuer: idp.issuer, subject: "mitid-no-password", userId: nanna.id, audience: "citizen", createdAt: new Date().toISOString() })
      .execute();
    const session = await sessionCookie(nanna.id);
    const changes = () => db.selectFrom("emailChanges").select("newEmail").where("userId", "=", nanna.id).execute();

    // A bad address is answered on the page, before anyone is sent anywhere.
    const bad = await run(account.action, post("/min-konto", { intent: "email-provider", newEmail: "ikke en mail" }, session));
    expect(bad.status).toBe(400);

    const wrongPerson = await run(account.action, post("/min-konto", { intent: "email-provider", newEmail: "nanna.ny@example.dk" }, session));
    const wrongCookie = cookiePair(wrongPerson, "refleks_oidc");
    const refused = await callbackAs("citizen", await throughProvider(wrongPerson.headers.get("Location")!, "mitid-stranger"), `${session}; ${wrongCookie}`);
    expect(refused.status).toBe(400);
    expect(await changes()).toEqual([]);

    const started = await run(account.action, post("/min-konto", { intent: "email-provider", newEmail: "nanna.ny@example.dk" }, session));
    expect(started.headers.get("Location")!.startsWith(idp.issuer)).toBe(true);
    const cookie = cookiePair(started, "refleks_oidc");
    const back = await callbackAs("citizen", await throughProvider(started.headers.get("Location")!, "mitid-no-password"), `${session}; ${cookie}`);
    expect(back.headers.get("Location")).toBe("/min-konto?besked=email-link-sendt");
    expect(await changes()).toEqual([{ newEmail: "nanna.ny@example.dk" }]);
  });

  it("with citizens' passwords switched off, a right password is refused with a pointer to MitID; staff keep theirs", async () => {
    const admin = await createUser(db, { role: "admin" });
    const citizen = await createUser(db, { role: "flexjobber" });
    const adminCookie = await sessionCookie(admin.id);
    const saved = await run(settings.action, post("/indstillinger", { intent: "passwords", off: "citizen" }, adminCookie));
    expect(saved.headers.get("Location")).toBe("/indstillinger?besked=adgangskoder-gemt");
    try {
      const refused = await run(loginPage.action, post("/login", { email: citizen.email, password: citizen.password }));
      expect(refused.status).toBe(403);
      expect((await refused.json()).formError).toMatch(/MitID/);
      expect(await sessionsOf(citizen.id)).toBe(0);
      // A wrong password still gets the usual answer (nothing said about the account).
      expect((await run(loginPage.action, post("/login", { email: citizen.email, password: "forkert kodeord" }))).status).toBe(401);
      expect((await run(loginPage.action, post("/login", { email: admin.email, password: admin.password }))).status).toBe(302);
      // An invitation offers MitID only.
      const { token } = await createInvitation(db, { email: "kun-mitid@example.dk", name: "Kun MitID", role: "flexjobber", invitedBy: admin.id });
      expect(await (await run(invitationPage.loader, get(`/invitation/${token}`), { token })).json()).toMatchObject({ passwords: false });
      const withPassword = await run(
        invitationPage.action,
        post(`/invitation/${token}`, { password: "en lang adgangskode", passwordConfirm: "en lang adgangskode", acceptPrivacy: "on", healthConsent: "nej" }),
        { token },
      );
      expect(withPassword.status).toBe(400);
      expect(await db.selectFrom("users").select("id").where("email", "=", "kun-mitid@example.dk").execute()).toEqual([]);
    } finally {
      await run(settings.action, post("/indstillinger", { intent: "passwords" }, adminCookie));
    }
  });

  it("logging out of a MitID session ends it here and continues to the provider's logout", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    await db
      .insertInto("loginIdentities")
      .values({ issuer: idp.issuer, subject: "mitid-stranger", userId: user.id, audience: "citizen", createdAt: new Date().toISOString() })
      .execute();
    const login = await loginAs("citizen", "mitid-stranger");
    const session = cookiePair(login, "refleks_session");
    const out = await run(logout.action, post("/logout", {}, session));
    expect(out.status).toBe(302);
    const to = new URL(out.headers.get("Location")!);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get("post_logout_redirect_uri")).toBe(`${process.env.APP_URL}/login?besked=logget-ud`);
    expect(to.searchParams.get("id_token_hint")).toBeTruthy();
    expect(await sessionsOf(user.id)).toBe(0);
    // A password session logs out as before.
    const other = await createUser(db, { role: "flexjobber" });
    const plain = await run(logout.action, post("/logout", {}, await sessionCookie(other.id)));
    expect(plain.headers.get("Location")).toBe("/login?besked=logget-ud");
  });
});

describe("without configuration", () => {
  it("an audience without OIDC variables has no button and no routes", async () => {
    const saved = process.env.OIDC_CITIZEN_ISSUER;
    delete process.env.OIDC_CITIZEN_ISSUER;
    try {
      const page = await (await run(loginPage.loader, get("/login"))).json();
      expect(page.providers.map((p: { slug: string }) => p.slug)).toEqual(["mitid-erhverv", "kommune"]);
      expect((await run(start.action, post("/login/mitid", { purpose: "login" }), { provider: "mitid" })).status).toBe(404);
    } finally {
      process.env.OIDC_CITIZEN_ISSUER = saved;
    }
  });
});
