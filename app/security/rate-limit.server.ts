import { createHash } from "node:crypto";

import type { AppLoadContext } from "@remix-run/node";
import { json } from "@remix-run/node";

import { env } from "~/env.server";

import { db } from "../../db/client.server";
import { type Db, inTransaction } from "../../db/kysely";

/**
 * Rate limits for the doors anyone can knock on (/login, /adgang,
 * /invitation/*, password forms): per IP and per account. Below `free` hits
 * in the window nothing happens; above it each request waits a little longer
 * (a growing delay); at `max` the answer is 429 with Retry-After.
 *
 * Kept in the database (rate_limit_hits), so every app process on one
 * PostgreSQL counts the same tries (was process memory, see
 * docs/decisions/006 and 012). A hit is forgotten once its window has passed,
 * and its key is stored hashed.
 */
export interface Limit {
  /** Prefix of the keys this limit counts ("login-ip", …). */
  name: string;
  windowMs: number;
  free: number;
  max: number;
}

const MINUTE = 60_000;

export const LIMITS = {
  /** Failed logins from one address (an office behind one IP has room). */
  loginIp: { name: "login-ip", windowMs: 15 * MINUTE, free: 10, max: 50 },
  /** Failed logins for one account from one address: the guessing case. */
  loginIpAccount: { name: "login-ip-account", windowMs: 15 * MINUTE, free: 3, max: 10 },
  /**
   * Failed logins for one account from anywhere: slowed, and only stopped at
   * a level no person reaches, so no one can lock someone else out cheaply.
   */
  loginAccount: { name: "login-account", windowMs: 60 * MINUTE, free: 5, max: 200 },
  /** Reset links asked for one account: a few an hour, so no one can flood an inbox. */
  resetAccount: { name: "reset-account", windowMs: 60 * MINUTE, free: 3, max: 5 },
  /** Posts to the other public forms from one address. */
  publicFormIp: { name: "public-form-ip", windowMs: 15 * MINUTE, free: 10, max: 30 },
  /** Messages one user writes: a conversation never needs more, spam does. */
  messages: { name: "messages", windowMs: 60 * MINUTE, free: 30, max: 30 },
} satisfies Record<string, Limit>;

/** The delay doubles per try over the free ones, up to this many steps (8 s at the default 250 ms). */
const MAX_DELAY_STEPS = 32;

export interface Verdict {
  /** Wait this long before answering (0: not at all). */
  delayMs: number;
  /** Refuse with 429 for this many seconds (0: allowed). */
  retryAfterSeconds: number;
}

/** The longest window of any limit: a hit older than this counts for nothing and is swept. */
const LONGEST_WINDOW_MS = Math.max(...Object.values(LIMITS).map((l) => l.windowMs));
const SWEEP_EVERY_MS = MINUTE;

type Checks = { limit: Limit; key: string }[];

/**
 * The stored key: the limit's name and a hash of the key, so the table holds
 * no email or IP address in the clear (and erasure has nothing to find there).
 */
export function storedKey(limit: Limit, key: string): string {
  return `${limit.name}:${createHash("sha256").update(key).digest("base64url")}`;
}

export class RateLimiter {
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    private readonly delayStepMs = 250,
  ) {}

  /** The verdict for these limits and keys now, before recording anything. */
  async assess(checks: Checks, now = Date.now(), db: Db = this.db): Promise<Verdict> {
    let delayMs = 0;
    let retryAfterSeconds = 0;
    for (const { limit, key } of checks) {
      const recent = await this.recent(db, limit, key, now);
      if (recent.length >= limit.max) {
        const freeAt = recent[recent.length - limit.max]! + limit.windowMs;
        retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((freeAt - now) / 1000));
      } else if (recent.length >= limit.free) {
        // 1, 2, 4, 8 … steps, capped.
        const over = recent.length - limit.free;
        delayMs = Math.max(delayMs, this.delayStepMs * Math.min(MAX_DELAY_STEPS, 2 ** over));
      }
    }
    return { delayMs, retryAfterSeconds };
  }

  /**
   * Counts this try under every limit before the work it guards is done, in
   * one step with every other writer (a transaction under the write lock): of
   * 30 tries sent at the same moment, only those under the max are counted
   * and let through. When a limit is at its max nothing is counted.
   */
  async reserve(checks: Checks, now = Date.now()): Promise<Verdict> {
    const verdict = await inTransaction(this.db, async (trx) => {
      const verdict = await this.assess(checks, now, trx);
      if (verdict.retryAfterSeconds === 0) await this.insert(trx, checks, now);
      return verdict;
    });
    await this.sweep(now);
    return verdict;
  }

  /** Takes back a try reserved at `at` that turned out to be allowed (a right password). */
  async release(checks: Checks, at: number): Promise<void> {
    for (const { limit, key } of checks) {
      await this.db.deleteFrom("rateLimitHits").where("key", "=", storedKey(limit, key)).where("at", "=", at).execute();
    }
  }

  /** Counts one try for each check after the work (a message, once stored). */
  async record(checks: Checks, now = Date.now()): Promise<void> {
    await this.insert(this.db, checks, now);
    await this.sweep(now);
  }

  /** Forgets every hit whose window has passed, at most once a minute per process. */
  async sweep(now = Date.now(), { force = false } = {}): Promise<void> {
    if (!force && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.db
      .deleteFrom("rateLimitHits")
      .where("at", "<=", now - LONGEST_WINDOW_MS)
      .execute();
  }

  private async insert(db: Db, checks: Checks, now: number): Promise<void> {
    for (const { limit, key } of checks) {
      const id = storedKey(limit, key);
      await db
        .deleteFrom("rateLimitHits")
        .where("key", "=", id)
        .where("at", "<=", now - limit.windowMs)
        .execute();
      await db.insertInto("rateLimitHits").values({ key: id, at: now }).execute();
    }
  }

  /** The times of the tries within the window, oldest first. */
  private async recent(db: Db, limit: Limit, key: string, now: number): Promise<number[]> {
    const rows = await db
      .selectFrom("rateLimitHits")
      .select("at")
      .where("key", "=", storedKey(limit, key))
      .where("at", ">", now - limit.windowMs)
      .orderBy("at")
      .execute();
    return rows.map((r) => Number(r.at));
  }
}

export const rateLimiter = new RateLimiter(db, env.RATE_LIMIT_DELAY_STEP_MS);

/** The client's address, as the HTTP server put it in the load context. */
export function clientIp(context: AppLoadContext | undefined): string {
  const ip = (context as { clientIp?: unknown } | undefined)?.clientIp;
  return typeof ip === "string" && ip ? ip : "unknown";
}

/** The Danish 429 every limited form answers with. */
export function tooManyRequests(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return json(
    { errors: {}, formError: `For mange forsøg på kort tid. Vent ${minutes} ${minutes === 1 ? "minut" : "minutter"}, og prøv så igen.` },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

async function waitOrRefuse(verdict: Verdict): Promise<void> {
  if (verdict.retryAfterSeconds > 0) throw tooManyRequests(verdict.retryAfterSeconds);
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
}

/**
 * Every door that guards a secret (a password, a token, a provider's answer)
 * or sends mail: counts this try first, atomically (throws the 429 when a
 * limit is reached), then waits out the growing delay. Returns `allowed`,
 * which takes the try back when it turned out right: a shared office
 * address can sign in all day, and only failures add up.
 */
export async function reserveAttempt(checks: Checks): Promise<{ allowed: () => Promise<void> }> {
  const at = Date.now();
  await waitOrRefuse(await rateLimiter.reserve(checks, at));
  return { allowed: () => rateLimiter.release(checks, at) };
}

/** A door that counts nothing itself (its tries are counted where they end): the 429 or the delay only. */
export async function checkRateLimit(checks: Checks): Promise<void> {
  await waitOrRefuse(await rateLimiter.assess(checks));
}
