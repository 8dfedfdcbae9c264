import { randomBytes, scryptSync } from "node:crypto";

import { describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "~/auth/password.server";
import { readEnv } from "~/env.server";
import { action } from "~/routes/login";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { post, run } from "./http";

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

  it("refuses a suspended account, and records the right password as a failed login", async () => {
    const user = await createUser(db, { role: "flexjobber", status: "suspended" });
    const res = await run(action, post("/login", { email: user.email, password: user.password }));
    expect(res.status).toBe(403);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const events = await db.selectFrom("loginEvents").select(["succeeded", "userId"]).where("userId", "=", user.id).execute();
    expect(events).toEqual([{ succeeded: 0, userId: user.id }]);
  });

  it("hashes at full cost in production: the suite's lowered cost is refused there, and either kind of hash verifies", async () => {
    expect(readEnv({ NODE_ENV: "production" }).PASSWORD_HASH_COST).toBe(15);
    expect(() => readEnv({ NODE_ENV: "production", PASSWORD_HASH_COST: "10" })).toThrow(/PASSWORD_HASH_COST/);
    expect(readEnv({ NODE_ENV: "test", PASSWORD_HASH_COST: "10" }).PASSWORD_HASH_COST).toBe(10);
    const lowered = await hashPassword("Sommerhus-ved-Ærø");
    expect(lowered).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("Sommerhus-ved-Ærø", lowered)).toBe(true);
    // A hash made in production (2^15) names its cost and verifies here as well.
    const salt = randomBytes(16);
    const key = scryptSync("Sommerhus", salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 128 * 1024 * 1024 });
    const full = ["scrypt", 2 ** 15, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
    expect(await verifyPassword("Sommerhus", full)).toBe(true);
    expect(await verifyPassword("Vinterhus", full)).toBe(false);
  });
});
