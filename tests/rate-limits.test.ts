import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import * as access from "~/routes/adgang";
import * as login from "~/routes/login";
import { isCrossSitePost } from "~/security/origin.server";
import { LIMITS, RateLimiter, storedKey } from "~/security/rate-limit.server";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { post } from "./http";

// Rate limits per IP and per account instead of a lock per email; a honeypot
// on the public forms; cross-site posts refused without a 500.

let ips = 0;
const newIp = () => `198.51.100.${++ips}`;

async function call(handler: (args: ActionFunctionArgs) => unknown, request: Request, ip: string): Promise<Response> {
  try {
    const result = await handler({ request, params: {}, context: { clientIp: ip } });
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the growing delay", () => {
  it("waits longer for each try over the free ones, then refuses until the window has passed, and forgets old tries", async () => {
    const limiter = new RateLimiter(db, 100);
    const limit = { name: "t", windowMs: 60_000, free: 2, max: 5 };
    const check = [{ limit, key: "k" }];
    const t0 = 1_000_000;
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const verdict = await limiter.assess(check, t0 + i);
      expect(verdict.retryAfterSeconds).toBe(0);
      delays.push(verdict.delayMs);
      await limiter.record(check, t0 + i);
    }
    expect(delays).toEqual([0, 0, 100, 200, 400]);
    expect((await limiter.assess(check, t0 + 10)).retryAfterSeconds).toBe(60);
    expect((await limiter.assess(check, t0 + 60_001)).retryAfterSeconds).toBe(0);
    // A try after the window forgets the ones before it.
    await limiter.record(check, t0 + 120_000);
    expect(await db.selectFrom("rateLimitHits").select("at").where("key", "=", storedKey(limit, "k")).execute()).toEqual([{ at: t0 + 120_000 }]);
  });

  it("sweeps hits whose window has passed for every key, and stores no key in the clear", async () => {
    const limiter = new RateLimiter(db, 1);
    const old = Date.now() - 2 * 60 * 60_000;
    await limiter.record([{ limit: LIMITS.loginAccount, key: "glemt@example.dk" }], old);
    await limiter.reserve([{ limit: LIMITS.loginIp, key: "203.0.113.9" }]);
    const rows = await db.selectFrom("rateLimitHits").select(["key", "at"]).execute();
    expect(rows.some((r) => Number(r.at) <= old)).toBe(false);
    expect(rows.some((r) => r.key.includes("@") || r.key.includes("203.0.113.9"))).toBe(false);
  });
});

describe("tries sent at the same moment", () => {
  it("31 logins at once (30 wrong, then the right one) from one address: at most 10 passwords are checked, and the right one is not let in", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    const ip = newIp();
    const tries = Array.from({ length: 30 }, (_, i) => call(login.action, post("/login", { email: user.email, password: `gæt nummer ${i}` }), ip));
    tries.push(call(login.action, post("/login", { email: user.email, password: user.password }), ip));
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    const checked = await db.selectFrom("loginEvents").select("succeeded").where("userId", "=", user.id).execute();
    expect(checked.length).toBeLessThanOrEqual(LIMITS.loginIpAccount.max);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMITS.loginIpAccount.max);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 302)).toEqual([]);
  });

  it("150 logins at once for different accounts from one address check at most 50 passwords", async () => {
    const ip = newIp();
    const user = await createUser(db, { role: "flexjobber" });
    const tries = Array.from({ length: 150 }, (_, i) =>
      call(login.action, post("/login", { email: i === 0 ? user.email : `burst${i}@example.dk`, password: "forkert forkert" }), ip),
    );
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMITS.loginIp.max);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(150 - LIMITS.loginIp.max);
  });
});

describe("login rate limits", () => {
  it("a guesser from one address gets 429 with Retry-After and a Danish message, even with the right password", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    const ip = newIp();
    for (let i = 0; i < LIMITS.loginIpAccount.max; i++) {
      expect((await call(login.action, post("/login", { email: user.email, password: `gæt nummer ${i}` }), ip)).status).toBe(401);
    }
    const blocked = await call(login.action, post("/login", { email: user.email, password: user.password }), ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ formError: expect.stringMatching(/For mange forsøg/) });
  });

  it("does not lock the person out: from another address the right password still works", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    const attacker = newIp();
    for (let i = 0; i < LIMITS.loginIpAccount.max + 2; i++) {
      await call(login.action, post("/login", { email: user.email, password: "forkert forkert" }), attacker);
    }
    const owner = await call(login.action, post("/login", { email: user.email, password: user.password }), newIp());
    expect(owner.status).toBe(302);
  });

  it("stops one address trying many accounts", async () => {
    const ip = newIp();
    let last = 0;
    for (let i = 0; i <= LIMITS.loginIp.max; i++) {
      last = (await call(login.action, post("/login", { email: `nogen${i}@example.dk`, password: "forkert forkert" }), ip)).status;
    }
    expect(last).toBe(429);
  });
});

describe("public forms", () => {
  it("a filled-in honeypot stores nothing but looks like success to the bot", async () => {
    const form = { companyName: "Bot ApS", cvr: "12345678", contactName: "Bot", email: "bot@example.dk", phone: "", hjemmeside: "http://spam.example" };
    const res = await call(access.action, post("/adgang", form), newIp());
    expect(res.status).toBe(302);
    expect(await db.selectFrom("companies").select("id").where("cvr", "=", "12345678").execute()).toEqual([]);
  });

  it("limits access requests per address", async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i <= LIMITS.publicFormIp.max; i++) statuses.push((await call(access.action, post("/adgang", { companyName: "" }), ip)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, LIMITS.publicFormIp.max).every((s) => s === 400)).toBe(true);
  });
});

describe("cross-site posts", () => {
  it("refuses other origins and 'Origin: null' without throwing, and lets same-site and GETs through", () => {
    expect(isCrossSitePost("POST", "null", "refleks.test")).toBe(true);
    expect(isCrossSitePost("POST", "https://evil.example", "refleks.test")).toBe(true);
    expect(isCrossSitePost("POST", "not a url", "refleks.test")).toBe(true);
    expect(isCrossSitePost("POST", "http://refleks.test", "refleks.test")).toBe(false);
    expect(isCrossSitePost("POST", undefined, "refleks.test")).toBe(false);
    expect(isCrossSitePost("GET", "null", "refleks.test")).toBe(false);
  });
});
