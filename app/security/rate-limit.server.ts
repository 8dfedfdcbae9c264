import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import type { Db } from "../../db/kysely";
import { db } from "../../db/client.server";
import { env } from "~/env.server";

/**
 * Rate limits for the doors anyone can knock on (/login, /adgang,
 * /invitation/*, password forms): per IP and per account. Below `free` hits
 * in the window nothing happens; above it each request waits a little longer
 * (a growing delay); at `max` the answer is 429 with Retry-After.
 *
 * Kept in the database (rate_limit_hits), so every app process on one
 * PostgreSQL counts the same tries (issue 16; was process memory, see
 * docs/decisions/006 and 012). A hit is forgotten once its window has passed.
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

export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly delayStepMs = 250,
  ) {}

  /** The verdict for these limits and keys now, before recording anything. */
  async assess(checks: { limit: Limit; key: string }[], now = Date.now()): Promise<Verdict> {
    let delayMs = 0;
    let retryAfterSeconds = 0;
    for (const { limit, key } of checks) {
      const recent = await this.recent(limit, key, now);
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

  /** Counts one try for each check, and forgets that key's tries whose window has passed. */
  async record(checks: { limit: Limit; key: string }[], now = Date.now()): Promise<void> {
    for (const { limit, key } of checks) {
      const id = `${limit.name}:${key}`;
      await this.db.deleteFrom("rateLimitHits").where("key", "=", id).where("at", "<=", now - limit.windowMs).execute();
      await this.db.insertInto("rateLimitHits").values({ key: id, at: now }).execute();
    }
  }

  /** The times of the tries within the window, oldest first. */
  private async recent(limit: Limit, key: string, now: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom("rateLimitHits")
      .select("at")
      .where("key", "=", `${limit.name}:${key}`)
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

/**
 * Applies the limits before an action does its work: throws the 429 when a
 * limit is reached, otherwise waits out the growing delay. Records the hit
 * when `record` is set (public forms count every post; login counts failures
 * afterwards with `rateLimiter.record`).
 */
export async function enforceRateLimit(checks: { limit: Limit; key: string }[], { record }: { record: boolean }): Promise<void> {
  const verdict = await rateLimiter.assess(checks);
  if (verdict.retryAfterSeconds > 0) throw tooManyRequests(verdict.retryAfterSeconds);
  if (record) await rateLimiter.record(checks);
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
}
