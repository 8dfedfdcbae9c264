import type { Db } from "../../db/kysely";
import { DUMMY_HASH, verifyPassword } from "./password.server";
import { accountInGoodStanding } from "./standing.server";

export const LOGIN_LIMIT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export type LoginResult =
  | { status: "ok"; userId: string }
  | { status: "invalid" }
  | { status: "suspended" }
  | { status: "locked"; until: Date };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * When the email is locked out, the time the lock ends: 5 failures within 15
 * minutes (since the last success) lock it for 15 minutes after the fifth.
 * Refused tries are not recorded, so a lock cannot extend itself.
 */
export async function lockedUntil(db: Db, email: string, now: Date): Promise<Date | null> {
  const lastSuccess = await db
    .selectFrom("loginEvents")
    .select("createdAt")
    .where("email", "=", email)
    .where("succeeded", "=", 1)
    .orderBy("createdAt", "desc")
    .limit(1)
    .executeTakeFirst();
  const failures = await db
    .selectFrom("loginEvents")
    .select("createdAt")
    .where("email", "=", email)
    .where("succeeded", "=", 0)
    .where("createdAt", ">", lastSuccess?.createdAt ?? "")
    .orderBy("createdAt", "desc")
    .limit(LOGIN_LIMIT.maxFailures)
    .execute();
  if (failures.length < LOGIN_LIMIT.maxFailures) return null;
  const newest = new Date(failures[0].createdAt);
  const oldest = new Date(failures[failures.length - 1].createdAt);
  if (newest.getTime() - oldest.getTime() > LOGIN_LIMIT.windowMs) return null;
  const until = new Date(newest.getTime() + LOGIN_LIMIT.lockMs);
  return until > now ? until : null;
}

export async function attemptLogin(db: Db, rawEmail: string, password: string, now = new Date()): Promise<LoginResult> {
  const email = normalizeEmail(rawEmail);
  const until = await lockedUntil(db, email, now);
  if (until) return { status: "locked", until };

  const user = await db
    .selectFrom("users")
    .select(["id", "passwordHash", "status"])
    .where("email", "=", email)
    .executeTakeFirst();
  // Verify against a dummy hash for unknown emails so timing does not reveal who has an account.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const succeeded = Boolean(user && ok);
  await db
    .insertInto("loginEvents")
    .values({ email, userId: user?.id ?? null, succeeded: succeeded ? 1 : 0, createdAt: now.toISOString() })
    .execute();
  if (!user || !succeeded) return { status: "invalid" };
  if (!(await accountInGoodStanding(db, user.id))) return { status: "suspended" };
  return { status: "ok", userId: user.id };
}
