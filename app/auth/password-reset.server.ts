import { randomBytes } from "node:crypto";

import { deliverQueued, queueEmail } from "~/email/email.server";
import { passwordResetEmail } from "~/email/messages.server";
import { appUrl } from "~/env.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { hashToken } from "./invitations.server";
import { normalizeEmail } from "./login.server";
import { audienceOfRole } from "./oidc-config.server";
import { hashPassword } from "./password.server";
import { passwordsAllowedFor } from "./password-policy.server";
import { endAllSessions } from "./session.server";
import { accountInGoodStanding } from "./standing.server";

export const RESET_MINUTES = 60;

/**
 * "Glemt adgangskode?": when the email belongs to an account in good standing,
 * a one-time link is emailed; otherwise nothing happens. The caller answers
 * the same either way, so the form tells no one who has an account.
 */
export async function requestPasswordReset(db: Db, rawEmail: string, now = new Date()): Promise<void> {
  const user = await db.selectFrom("users").select(["id", "name", "email", "role"]).where("email", "=", normalizeEmail(rawEmail)).executeTakeFirst();
  if (!user || !(await accountInGoodStanding(db, user.id))) return;
  // Passwords switched off for this kind of account: a password would not let them in.
  if (!(await passwordsAllowedFor(db, audienceOfRole(user.role)))) return;
  const token = randomBytes(32).toString("base64url");
  const emailId = await inTransaction(db, async (trx) => {
    // Only the newest link works.
    await trx.updateTable("passwordResets").set({ usedAt: now.toISOString() }).where("userId", "=", user.id).where("usedAt", "is", null).execute();
    await trx
      .insertInto("passwordResets")
      .values({
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
        usedAt: null,
        createdAt: now.toISOString(),
      })
      .execute();
    return queueEmail(
      trx,
      passwordResetEmail({ to: user.email, name: user.name, url: `${appUrl()}/nulstil/${token}`, validMinutes: RESET_MINUTES }),
      { kind: "password_reset" },
      now,
    );
  });
  await deliverQueued(db, [emailId], now);
}

export type ResetLookup = { state: "open"; userId: string } | { state: "unknown" | "used" | "expired" };

export async function lookupPasswordReset(db: Db, token: string, now = new Date()): Promise<ResetLookup> {
  const row = await db.selectFrom("passwordResets").select(["userId", "usedAt", "expiresAt"]).where("tokenHash", "=", hashToken(token)).executeTakeFirst();
  if (!row) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (new Date(row.expiresAt) <= now) return { state: "expired" };
  return { state: "open", userId: row.userId };
}

/**
 * Sets the new password from a link: once, before it expires, and only for an
 * account in good standing (a suspended user or company gets no way back in
 * here). Every session of the account ends.
 */
export async function resetPassword(db: Db, token: string, password: string, now = new Date()): Promise<Exclude<ResetLookup["state"], "open"> | "suspended" | "ok"> {
  const passwordHash = await hashPassword(password);
  const result = await inTransaction(db, async (trx) => {
    const found = await lookupPasswordReset(trx, token, now);
    if (found.state !== "open") return found.state;
    if (!(await accountInGoodStanding(trx, found.userId))) return "suspended" as const;
    const used = await trx
      .updateTable("passwordResets")
      .set({ usedAt: now.toISOString() })
      .where("tokenHash", "=", hashToken(token))
      .where("usedAt", "is", null)
      .executeTakeFirst();
    if (used.numUpdatedRows === 0n) return "used" as const;
    await trx.updateTable("users").set({ passwordHash }).where("id", "=", found.userId).execute();
    return { userId: found.userId };
  });
  if (typeof result === "string") return result;
  await endAllSessions(result.userId);
  return "ok";
}
