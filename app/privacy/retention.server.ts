import { sendNotice } from "~/email/email.server";
import { retentionWarningEmail } from "~/email/messages.server";
import { addDays, localDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";
import { eraseUser } from "./erasure.server";

/** Days between the warning and the erasure; logging in (any use) in between keeps the account. */
export const RETENTION_GRACE_DAYS = 30;

export interface RetentionResult {
  warned: number;
  erased: number;
  kept: number;
}

/**
 * `npm run retention`, daily: accounts unused for `months` get a warning by
 * email; 30 days later, if still unused, they are erased (eraseUser). Use is
 * any day with an authenticated request (ActivityDay) or the account's start.
 * Admin accounts are left alone, so the municipality can never lock itself out.
 * Idempotent: running it twice on a day warns and erases no one twice.
 */
export async function runRetention(db: Db, { months, now = new Date() }: { months: number; now?: Date }): Promise<RetentionResult> {
  const today = localDate(now);
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - months);
  const unusedSince = localDate(cutoff);
  const accounts = await db
    .selectFrom("users as u")
    .select((eb) => [
      "u.id",
      "u.email",
      "u.name",
      "u.createdAt",
      "u.retentionWarnedAt",
      eb
        .selectFrom("activityDays as a")
        .select((x) => x.fn.max("a.day").as("d"))
        .whereRef("a.userId", "=", "u.id")
        .as("lastDay"),
    ])
    .where("u.status", "in", ["active", "suspended"])
    .where("u.role", "!=", "admin")
    .execute();

  const result: RetentionResult = { warned: 0, erased: 0, kept: 0 };
  for (const a of accounts) {
    const lastUse = [localDate(new Date(a.createdAt)), a.lastDay ? String(a.lastDay) : ""].sort().at(-1)!;
    if (a.retentionWarnedAt) {
      const warnedDay = localDate(new Date(a.retentionWarnedAt));
      if (lastUse >= warnedDay) {
        // Used since the warning: the clock starts again.
        await db.updateTable("users").set({ retentionWarnedAt: null }).where("id", "=", a.id).execute();
        result.kept++;
      } else if (addDays(warnedDay, RETENTION_GRACE_DAYS) <= today) {
        if ((await eraseUser(db, a.id, now)) === "erased") result.erased++;
      }
    } else if (lastUse < unusedSince) {
      await sendNotice(db, retentionWarningEmail({ to: a.email, name: a.name, months, eraseOn: addDays(today, RETENTION_GRACE_DAYS) }));
      await db.updateTable("users").set({ retentionWarnedAt: now.toISOString() }).where("id", "=", a.id).execute();
      result.warned++;
    }
  }
  return result;
}
