import { randomBytes } from "node:crypto";

import { deliverQueued, queueEmail, sendNotice } from "~/email/email.server";
import { confirmEmailChangeEmail, emailChangedNotice, passwordChangedNotice } from "~/email/messages.server";
import { appUrl } from "~/env.server";
import { afterAnswer } from "~/ops/after-answer.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { hashToken } from "./invitations.server";
import { hashPassword, verifyPassword } from "./password.server";
import { accountInGoodStanding } from "./standing.server";

// "Min konto": what every user changes about their own account.

export const EMAIL_CHANGE_MINUTES = 24 * 60;

export async function accountDetails(db: Db, userId: string) {
  const [user, pending] = await Promise.all([
    db.selectFrom("users").select(["name", "email", "phone", "role", "passwordHash"]).where("id", "=", userId).executeTakeFirstOrThrow(),
    db
      .selectFrom("emailChanges")
      .select(["newEmail", "expiresAt"])
      .where("userId", "=", userId)
      .where("usedAt", "is", null)
      .where("expiresAt", ">", new Date().toISOString())
      .orderBy("id", "desc")
      .executeTakeFirst(),
  ]);
  const { passwordHash, ...shown } = user;
  // Someone who created the account with MitID has no password (until they choose one by "Glemt adgangskode?").
  return { ...shown, hasPassword: passwordHash !== "", pendingEmail: pending?.newEmail ?? null };
}

export async function updatePhone(db: Db, userId: string, phone: string | null): Promise<void> {
  await db.updateTable("users").set({ phone }).where("id", "=", userId).execute();
}

async function passwordMatches(db: Db, userId: string, password: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("passwordHash").where("id", "=", userId).executeTakeFirstOrThrow();
  return verifyPassword(password, row.passwordHash);
}

/** The caller ends the user's other sessions (a stolen session stops working) and starts a fresh one. */
export async function changePassword(db: Db, userId: string, current: string, next: string): Promise<"ok" | "wrong_password"> {
  if (!(await passwordMatches(db, userId, current))) return "wrong_password";
  await db
    .updateTable("users")
    .set({ passwordHash: await hashPassword(next) })
    .where("id", "=", userId)
    .execute();
  const user = await db.selectFrom("users").select(["name", "email"]).where("id", "=", userId).executeTakeFirstOrThrow();
  await sendNotice(db, passwordChangedNotice({ to: user.email, name: user.name }));
  return "ok";
}

/**
 * Asks for a new email: a one-time link goes to the new address, and only
 * when it is opened does the address change (a typo cannot lock anyone out).
 * An address another account uses gets no link, but the answer is the same,
 * so the form tells no one who has an account.
 */
export async function requestEmailChange(db: Db, userId: string, newEmail: string, password: string, now = new Date()): Promise<"sent" | "wrong_password" | "same"> {
  if (!(await passwordMatches(db, userId, password))) return "wrong_password";
  return requestVerifiedEmailChange(db, userId, newEmail, now);
}

/**
 * The same, once the person has proved it is them another way: their linked
 * MitID, for an account that has no password (created with MitID).
 */
export async function requestVerifiedEmailChange(db: Db, userId: string, newEmail: string, now = new Date()): Promise<"sent" | "same"> {
  const user = await db.selectFrom("users").select(["name", "email"]).where("id", "=", userId).executeTakeFirstOrThrow();
  if (user.email === newEmail) return "same";
  const taken = await db.selectFrom("users").select("id").where("email", "=", newEmail).executeTakeFirst();
  const token = randomBytes(32).toString("base64url");
  const emailId = await inTransaction(db, async (trx) => {
    // Only the newest link works.
    await trx.updateTable("emailChanges").set({ usedAt: now.toISOString() }).where("userId", "=", userId).where("usedAt", "is", null).execute();
    await trx
      .insertInto("emailChanges")
      .values({
        userId,
        newEmail,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + EMAIL_CHANGE_MINUTES * 60_000).toISOString(),
        usedAt: null,
        createdAt: now.toISOString(),
      })
      .execute();
    if (taken) return null;
    return queueEmail(
      trx,
      confirmEmailChangeEmail({ to: newEmail, name: user.name, url: `${appUrl()}/min-konto/ny-email/${token}`, validMinutes: EMAIL_CHANGE_MINUTES }),
      { kind: "email_change" },
      now,
    );
  });
  // Sent after the answer: whether the new address is taken shows neither in the answer nor in its timing.
  if (emailId !== null) afterAnswer("email change", () => deliverQueued(db, [emailId], now));
  return "sent";
}

export type EmailChangeResult = "ok" | "unknown" | "used" | "expired" | "taken" | "suspended";

/** Opens the link from the new address: once, before it expires, if no one else took the address meanwhile. */
export async function confirmEmailChange(db: Db, token: string, now = new Date()): Promise<EmailChangeResult> {
  const result = await inTransaction(db, async (trx) => {
    const row = await trx.selectFrom("emailChanges").select(["id", "userId", "newEmail", "usedAt", "expiresAt"]).where("tokenHash", "=", hashToken(token)).executeTakeFirst();
    if (!row) return "unknown" as const;
    if (row.usedAt) return "used" as const;
    if (new Date(row.expiresAt) <= now) return "expired" as const;
    if (!(await accountInGoodStanding(trx, row.userId))) return "suspended" as const;
    const taken = await trx.selectFrom("users").select("id").where("email", "=", row.newEmail).executeTakeFirst();
    if (taken) return "taken" as const;
    const old = await trx.selectFrom("users").select(["name", "email"]).where("id", "=", row.userId).executeTakeFirstOrThrow();
    await trx.updateTable("emailChanges").set({ usedAt: now.toISOString() }).where("id", "=", row.id).execute();
    await trx.updateTable("users").set({ email: row.newEmail }).where("id", "=", row.userId).execute();
    return { old, newEmail: row.newEmail };
  });
  if (typeof result === "string") return result;
  // The old address hears of it, so a hijack does not go unnoticed.
  await sendNotice(db, emailChangedNotice({ to: result.old.email, name: result.old.name, newEmail: result.newEmail }));
  return "ok";
}
