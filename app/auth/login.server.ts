import type { Db } from "../../db/kysely";
import { DUMMY_HASH, verifyPassword } from "./password.server";
import { accountInGoodStanding } from "./standing.server";

export type LoginResult = { status: "ok"; userId: string } | { status: "invalid" } | { status: "suspended" };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function attemptLogin(db: Db, rawEmail: string, password: string, now = new Date()): Promise<LoginResult> {
  // Guessing is slowed and stopped by the rate limits of the login form (security/rate-limit.server.ts).
  const email = normalizeEmail(rawEmail);

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
