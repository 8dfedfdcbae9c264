import { describe, expect, it } from "vitest";
import { db } from "../db/client.server";
import { attemptLogin, LOGIN_LIMIT } from "~/auth/login.server";
import { action } from "~/routes/login";
import { createUser } from "./factories";
import { post, run } from "./http";

const MINUTE = 60_000;

describe("login", () => {
  it("signs in with the right password and sends the user back where they were going", async () => {
    const user = await createUser(db, { role: "flexjobber", email: "ok@example.dk" });
    const res = await run(action, post("/login", { email: "OK@example.dk ", password: user.password, redirectTo: "/profil" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/profil");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^refleks_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const events = await db.selectFrom("loginEvents").selectAll().where("email", "=", "ok@example.dk").execute();
    expect(events).toMatchObject([{ succeeded: 1, userId: user.id }]);
  });

  it("never redirects to another site", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    for (const redirectTo of ["//evil.example", "https://evil.example/", "/\\evil.example"]) {
      const res = await run(action, post("/login", { email: user.email, password: user.password, redirectTo }));
      expect(res.headers.get("Location")).toBe("/");
    }
  });

  it("refuses a wrong password or unknown email with the same Danish message", async () => {
    const user = await createUser(db, { role: "company" });
    for (const form of [
      { email: user.email, password: "forkert kodeord" },
      { email: "findes-ikke@example.dk", password: "forkert kodeord" },
    ]) {
      const res = await run(action, post("/login", form));
      expect(res.status).toBe(401);
      expect(res.headers.get("Set-Cookie")).toBeNull();
      expect(await res.json()).toMatchObject({ formError: "E-mail eller adgangskode passer ikke. Prøv igen." });
    }
  });

  it("answers empty or malformed fields with field errors", async () => {
    const res = await run(action, post("/login", { email: "ikke en mail", password: "" }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: { email: expect.stringMatching(/gyldig e-mail/), password: "Skriv din adgangskode." },
    });
  });

  it("locks an email for 15 minutes after 5 failed tries within 15 minutes", async () => {
    const user = await createUser(db, { role: "flexjobber", email: "lock@example.dk" });
    const t0 = new Date(Date.now() - 10 * MINUTE);
    for (let i = 0; i < LOGIN_LIMIT.maxFailures; i++) {
      const at = new Date(t0.getTime() + i * MINUTE);
      expect(await attemptLogin(db, user.email, "forkert", at)).toEqual({ status: "invalid" });
    }
    const fifth = t0.getTime() + 4 * MINUTE;
    // Even the right password is refused while locked, with a Danish message and 429.
    const res = await run(action, post("/login", { email: user.email, password: user.password }));
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ formError: expect.stringMatching(/For mange forkerte forsøg/) });
    expect(await attemptLogin(db, user.email, user.password, new Date(fifth + 14 * MINUTE))).toMatchObject({ status: "locked" });
    // 15 minutes after the fifth failure the lock is over.
    expect(await attemptLogin(db, user.email, user.password, new Date(fifth + 15 * MINUTE + 1))).toMatchObject({ status: "ok" });
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    const t0 = Date.now() - 60 * MINUTE;
    for (let i = 0; i < 5; i++) await attemptLogin(db, user.email, "forkert", new Date(t0 + i * 4 * MINUTE));
    expect(await attemptLogin(db, user.email, user.password, new Date(t0 + 17 * MINUTE))).toMatchObject({ status: "ok" });
  });

  it("refuses a suspended account", async () => {
    const user = await createUser(db, { role: "flexjobber", status: "suspended" });
    const res = await run(action, post("/login", { email: user.email, password: user.password }));
    expect(res.status).toBe(403);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });
});
