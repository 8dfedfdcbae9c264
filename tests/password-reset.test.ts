import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { requestPasswordReset, resetPassword } from "~/auth/password-reset.server";
import { answeredWorkDone } from "~/ops/after-answer.server";
import * as forgot from "~/routes/glemt-adgangskode";
import * as login from "~/routes/login";
import * as reset from "~/routes/nulstil.$token";

import { db } from "../db/client.server";
import { createCompany, createUser } from "./factories";
import { post, sessionCookie } from "./http";
import { linkIn, sentEmails } from "./mocks/email-api";

// "Glemt adgangskode?": one-time links that expire, the same answer for every
// email, and the status check at this door too.

let ip = 0;
async function call(handler: (args: ActionFunctionArgs) => unknown, request: Request, params: Record<string, string> = {}) {
  try {
    const result = await handler({ request, params, context: { clientIp: `192.0.2.${++ip}` } });
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
const tokenFor = (to: string) =>
  linkIn(sentEmails.filter((m) => m.to === to).at(-1)!)
    .split("/")
    .pop()!;
const newPassword = { password: "en helt ny adgangskode", passwordConfirm: "en helt ny adgangskode" };

describe("password reset", () => {
  it("answers the same for a known and an unknown email; only the account holder gets a link", async () => {
    const user = await createUser(db, { role: "flexjobber", email: "glemsom@example.dk" });
    const before = sentEmails.length;
    const known = await call(forgot.action, post("/glemt-adgangskode", { email: user.email }));
    const unknown = await call(forgot.action, post("/glemt-adgangskode", { email: "ingen@example.dk" }));
    expect([known.status, known.headers.get("Location")]).toEqual([unknown.status, unknown.headers.get("Location")]);
    expect(known.headers.get("Location")).toBe("/login?besked=nulstil-link-sendt");
    // The answer came before any mail was sent, so its timing tells nothing; the mail follows.
    expect(sentEmails.slice(before)).toEqual([]);
    await answeredWorkDone();
    expect(sentEmails.slice(before).map((m) => m.to)).toEqual([user.email]);
  });

  it("the link works once, ends the old sessions, and the new password logs in", async () => {
    const user = await createUser(db, { role: "company", companyId: (await createCompany(db)).id, email: "skift@example.dk" });
    const cookie = await sessionCookie(user.id);
    await call(forgot.action, post("/glemt-adgangskode", { email: user.email }));
    await answeredWorkDone();
    const token = tokenFor(user.email);
    const ok = await call(reset.action, post(`/nulstil/${token}`, newPassword), { token });
    expect(ok.headers.get("Location")).toBe("/login?besked=adgangskode-skiftet");
    expect(await db.selectFrom("sessions").select("id").where("id", "=", cookie.split("=")[1]!).execute()).toEqual([]);
    const again = await call(reset.action, post(`/nulstil/${token}`, { password: "endnu en ny kode her", passwordConfirm: "endnu en ny kode her" }), { token });
    expect(again.status).toBe(410);
    expect((await call(login.action, post("/login", { email: user.email, password: newPassword.password }))).status).toBe(302);
    expect((await call(login.action, post("/login", { email: user.email, password: user.password }))).status).toBe(401);
  });

  it("expires after an hour, and refuses a suspended company's user at this door too", async () => {
    const user = await createUser(db, { role: "flexjobber", email: "udloeb@example.dk" });
    const t0 = new Date(Date.now() - 2 * 3_600_000);
    await requestPasswordReset(db, user.email, t0);
    expect(await resetPassword(db, tokenFor(user.email), newPassword.password)).toBe("expired");

    const company = await createCompany(db);
    const suspended = await createUser(db, { role: "company", companyId: company.id, email: "spaerret.firma@example.dk" });
    await requestPasswordReset(db, suspended.email);
    await db.updateTable("companies").set({ status: "suspended" }).where("id", "=", company.id).execute();
    expect(await resetPassword(db, tokenFor(suspended.email), newPassword.password)).toBe("suspended");
    // Asked while suspended: no link at all.
    const count = sentEmails.filter((m) => m.to === suspended.email).length;
    await requestPasswordReset(db, suspended.email);
    expect(sentEmails.filter((m) => m.to === suspended.email)).toHaveLength(count);
  });
});
