import { beforeEach, describe, expect, it } from "vitest";

import { HEALTH_CONSENT_VERSION, PRIVACY_VERSION } from "~/auth/consent-texts";
import { createInvitation } from "~/auth/invitations.server";
import { action, loader } from "~/routes/invitation.$token";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { get, post, run } from "./http";

const DAY = 86_400_000;
const goodForm = {
  password: "en lang adgangskode",
  passwordConfirm: "en lang adgangskode",
  acceptPrivacy: "on",
  healthConsent: "ja",
};

async function invite(email: string, at = new Date()) {
  const staff = await createUser(db, { role: "staff" });
  return createInvitation(db, { email, name: "Lise Larsen", role: "flexjobber", invitedBy: staff.id, consultantId: staff.id }, at);
}

const accept = (token: string, form: Record<string, string> = goodForm) => run(action, post(`/invitation/${token}`, form), { token });

const userCount = async () => (await db.selectFrom("users").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;

describe("accepting an invitation", () => {
  let n = 0;
  let email: string;
  beforeEach(() => {
    email = `lise${n++}@example.dk`;
  });

  it("creates the account with the consents, marks the link used and signs in", async () => {
    const { token, invitation } = await invite(email);
    const page = await run(loader, get(`/invitation/${token}`), { token });
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ state: "open", invitation: { name: "Lise Larsen", email, role: "flexjobber" } });

    const res = await accept(token);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/?besked=velkommen");
    expect(res.headers.get("Set-Cookie")).toMatch(/^refleks_session=\w+/);

    const user = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "flexjobber", name: "Lise Larsen", consultantId: invitation.consultantId });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    const consents = await db.selectFrom("consents").selectAll().where("userId", "=", user.id).orderBy("purpose").execute();
    expect(consents.map((c) => [c.purpose, c.textVersion])).toEqual([
      ["health_data", HEALTH_CONSENT_VERSION],
      ["privacy_statement", PRIVACY_VERSION],
    ]);
    expect(Date.parse(consents[0].givenAt)).toBeGreaterThan(Date.now() - 60_000);
    const used = await db.selectFrom("invitations").selectAll().where("id", "=", invitation.id).executeTakeFirstOrThrow();
    expect(used.usedAt).not.toBeNull();
    expect(used.userId).toBe(user.id);
  });

  it("stores no health consent when the citizen says no, and still creates the account", async () => {
    const { token } = await invite(email);
    expect((await accept(token, { ...goodForm, healthConsent: "nej" })).status).toBe(302);
    const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    const purposes = await db.selectFrom("consents").select("purpose").where("userId", "=", user.id).execute();
    expect(purposes.map((p) => p.purpose)).toEqual(["privacy_statement"]);
  });

  it("refuses a link that was already used", async () => {
    const { token } = await invite(email);
    expect((await accept(token)).status).toBe(302);
    const again = await accept(token, { ...goodForm, password: "et andet kodeord", passwordConfirm: "et andet kodeord" });
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ state: "used" });
    const page = await run(loader, get(`/invitation/${token}`), { token });
    expect(page.status).toBe(410);
    expect(await page.json()).toMatchObject({ state: "used" });
    expect(await db.selectFrom("users").select("id").where("email", "=", email).execute()).toHaveLength(1);
  });

  it("refuses an expired link and creates nothing", async () => {
    const { token } = await invite(email, new Date(Date.now() - 15 * DAY));
    const before = await userCount();
    const page = await run(loader, get(`/invitation/${token}`), { token });
    expect(page.status).toBe(410);
    expect(await page.json()).toMatchObject({ state: "expired" });
    expect((await accept(token)).status).toBe(410);
    expect(await userCount()).toBe(before);
  });

  it("treats a tampered or unknown token as unknown (404), never a 500", async () => {
    const { token } = await invite(email);
    const tampered = token.slice(0, -2) + (token.endsWith("A") ? "BB" : "AA");
    for (const t of [tampered, "x", "%00", "a".repeat(5000)]) {
      const page = await run(loader, get(`/invitation/${encodeURIComponent(t)}`), { token: t });
      expect(page.status).toBe(404);
      expect(await page.json()).toMatchObject({ state: "unknown" });
    }
    const before = await userCount();
    expect((await accept(tampered)).status).toBe(404);
    expect(await userCount()).toBe(before);
  });

  it("only the newest invitation to an email works", async () => {
    const first = await invite(email);
    const second = await invite(email);
    expect((await run(loader, get(`/invitation/${first.token}`), { token: first.token })).status).toBe(410);
    expect((await accept(second.token)).status).toBe(302);
  });

  it("answers bad input with Danish field errors and stores nothing", async () => {
    const { token } = await invite(email);
    const before = await userCount();
    const res = await accept(token, { password: "kort", passwordConfirm: "anden", healthConsent: "" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Record<string, string> };
    expect(body.errors.password).toMatch(/mindst 10 tegn/);
    expect(body.errors.passwordConfirm).toMatch(/ikke ens/);
    expect(body.errors.acceptPrivacy).toMatch(/flueben/);
    expect(body.errors.healthConsent).toMatch(/ja eller nej/);
    expect(await userCount()).toBe(before);
    // The link still works afterwards.
    expect((await run(loader, get(`/invitation/${token}`), { token })).status).toBe(200);
  });
});
