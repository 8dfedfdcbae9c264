import { randomBytes } from "node:crypto";

import { sql } from "kysely";

import { writeAudit } from "~/audit/audit.server";
import { normalizeEmail } from "~/auth/login.server";
import { NO_PROFILE_MATCH_TERMS } from "~/matching/match-terms";
import { smsNumber } from "~/notifications/sms";
import { compactProfileText, removeProfileText } from "~/search/text-index.server";
import { LIMITS, storedKey } from "~/security/rate-limit.server";

import type { Db } from "../../db/kysely";
import { inTransaction, isPostgres } from "../../db/kysely";
import { portableSql } from "../../db/portable";
import type { AuditAction } from "../../db/schema";

export const ERASED_NAME = "Slettet bruger";

/**
 * Erases a person at once (GDPR art. 17): name, email, phone, free text,
 * profile, message contents and sessions. What the municipality must keep
 * by law (art. 17(3)(b)) stays under the account's random id with no name or
 * contact: the employment status history, and the bare facts the statistics
 * count (that an invitation was used, a profile first published, a request
 * or interest sent, an event attended, days with a login).
 *
 * The id was always random (never derived from the person), so once the
 * name and contact are gone nothing links it back to them.
 */
export async function eraseUser(
  db: Db,
  userId: string,
  now = new Date(),
  /** Someone else erased the account (staff at her request, a company admin removing a colleague): in the audit log, in the same transaction. */
  erasedBy?: { actorId: string; action: Extract<AuditAction, "account_erased" | "colleague_removed"> },
): Promise<"erased" | "not_found"> {
  const result = await inTransaction(db, async (trx) => {
    const user = await trx.selectFrom("users").select(["id", "email", "name", "status", "phone"]).where("id", "=", userId).executeTakeFirst();
    if (!user || user.status === "erased") return "not_found" as const;
    const at = now.toISOString();
    const token = randomBytes(9).toString("hex");
    const placeholderEmail = `slettet-${token}@slettet.invalid`;
    const oldEmail = normalizeEmail(user.email);
    // What other rows may quote: the subjects of conversations she started, and her alias.
    const started = await trx.selectFrom("threads").select(["id", "subject"]).where("createdBy", "=", userId).execute();
    const alias = (await trx.selectFrom("profiles").select("alias").where("userId", "=", userId).executeTakeFirst())?.alias;
    const newEmails = (await trx.selectFrom("emailChanges").select("newEmail").where("userId", "=", userId).execute()).map((c) => normalizeEmail(c.newEmail));

    await trx
      .updateTable("users")
      .set({
        name: ERASED_NAME,
        email: placeholderEmail,
        phone: null,
        passwordHash: "",
        status: "erased",
        erasedAt: at,
        isCompanyAdmin: 0,
        retentionWarnedAt: null,
        lastActiveDay: null,
      })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("sessions").where("userId", "=", userId).execute();
    await trx.deleteFrom("passwordResets").where("userId", "=", userId).execute();
    // Her MitID (or other provider) no longer leads to this row.
    await trx.deleteFrom("loginIdentities").where("userId", "=", userId).execute();

    // The profile's content goes; its row keeps the dates adoption counts.
    await trx.deleteFrom("profileTerms").where("userId", "=", userId).execute();
    await trx.deleteFrom("experiences").where("userId", "=", userId).execute();
    await trx.deleteFrom("accommodations").where("userId", "=", userId).execute();
    await removeProfileText(trx, userId);
    await trx
      .updateTable("profiles")
      .set({
        alias: `Slettet ${token}`,
        headline: null,
        summary: null,
        birthDate: null,
        postcode: null,
        lat: null,
        lng: null,
        maxCommuteKm: null,
        timesOfDay: "[]",
        returnReason: null,
        hidden: 1,
        updatedAt: at,
        ...NO_PROFILE_MATCH_TERMS,
      })
      .where("userId", "=", userId)
      .execute();
    await trx.updateTable("consents").set({ withdrawnAt: at }).where("userId", "=", userId).where("withdrawnAt", "is", null).execute();

    // Messages keep that they were sent (statistics), not what they said.
    await trx.updateTable("contactRequests").set({ message: "" }).where("profileUserId", "=", userId).execute();
    await trx.updateTable("interests").set({ message: null }).where("userId", "=", userId).execute();
    // In conversations the others keep the thread; her messages say "Slettet bruger" and nothing more.
    await trx.updateTable("messages").set({ body: "" }).where("authorId", "=", userId).execute();
    await trx.deleteFrom("savedOpenings").where("userId", "=", userId).execute();
    await trx.deleteFrom("savedSearches").where("userId", "=", userId).execute();
    await trx.deleteFrom("recommendedOpenings").where("userId", "=", userId).execute();
    // A company's saved search remembers which profiles it told about: not hers any more.
    await trx.deleteFrom("savedSearchHits").where("item", "=", userId).execute();
    await trx.deleteFrom("profileViews").where("profileUserId", "=", userId).execute();
    // The subject she gave a conversation goes with her words; the others keep the thread.
    await trx.updateTable("threads").set({ subject: ERASED_SUBJECT }).where("createdBy", "=", userId).execute();
    await trx.updateTable("messageReports").set({ reason: null }).where("reportedBy", "=", userId).execute();
    await trx.deleteFrom("notifications").where("userId", "=", userId).execute();
    await trx.deleteFrom("notificationPreferences").where("userId", "=", userId).execute();
    await trx.deleteFrom("emailChanges").where("userId", "=", userId).execute();
    // Consultants' notes about her follow-up.
    await trx.deleteFrom("followUps").where("userId", "=", userId).execute();
    // What staff wrote with her at a meeting, and a staff session still filling in her profile.
    await trx.deleteFrom("profileStaffEdits").where("userId", "=", userId).execute();
    await trx.updateTable("sessions").set({ assistingUserId: null }).where("assistingUserId", "=", userId).execute();
    // Her company blocks stay: a blocked company must not get back in because she left.

    // Where the email or name was written down beside the account.
    await trx
      .updateTable("invitations")
      .set({ email: placeholderEmail, name: ERASED_NAME })
      .where((eb) => eb.or([eb("userId", "=", userId), eb("email", "=", oldEmail)]))
      .execute();
    await trx
      .deleteFrom("emailQueue")
      .where((eb) => eb(eb.fn("lower", ["toAddress"]), "in", [oldEmail, ...newEmails]))
      .execute();
    // SMS to her number (the queue keeps the number of a sent SMS, never its text).
    const phone = smsNumber(user.phone);
    if (phone) await trx.deleteFrom("emailQueue").where("channel", "=", "sms").where("toAddress", "=", phone).execute();
    await forgetQuotes(trx, { userId, name: user.name, alias, started });
    await forgetRateLimits(trx, [oldEmail, ...newEmails], userId);
    // A round trip to a provider she had begun (linking, a new email) names her.
    await trx
      .deleteFrom("oidcLogins")
      .where((eb) => eb(portableSql(trx).position(sql.ref("purpose"), userId), ">", 0))
      .execute();
    await trx
      .updateTable("loginEvents")
      .set({ email: placeholderEmail })
      .where((eb) => eb.or([eb("userId", "=", userId), eb("email", "=", oldEmail)]))
      .execute();
    await trx
      .updateTable("companies")
      .set({ contactName: ERASED_NAME, contactEmail: placeholderEmail, contactPhone: null })
      .where((eb) => eb(eb.fn("lower", ["contactEmail"]), "=", oldEmail))
      .execute();
    if (erasedBy) await writeAudit(trx, { actorId: erasedBy.actorId, action: erasedBy.action, subjectUserId: userId }, now);
    return "erased" as const;
  });
  // Deleted rows can linger in the full-text index's segments until they are
  // merged; merge now so the words are gone from the file as well. The old
  // pages stay in SQLite's write-ahead log until a checkpoint: take it now.
  if (result === "erased") {
    await compactProfileText(db);
    if (!isPostgres(db)) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  }
  return result;
}

const ERASED_SUBJECT = "Samtale med en slettet bruger";
const ERASED_QUOTE = "(slettet)";

/**
 * Where others' rows quote her: notifications ("Ny besked: <her subject>",
 * "<her alias> har sagt ja") and the mail about them, and her name in the
 * conversations she took part in. The quote is replaced; unsent mail that
 * quotes her is not sent.
 */
async function forgetQuotes(trx: Db, her: { userId: string; name: string; alias: string | undefined; started: { id: number; subject: string }[] }): Promise<void> {
  const position = portableSql(trx).position;
  const quotes = (column: string, text: string) => sql<boolean>`${position(sql.ref(column), text)} > 0`;
  const worthReplacing = (text: string) => text.trim().length >= 3 && text !== ERASED_NAME;
  const forgetInMail = async (text: string) => {
    await trx
      .deleteFrom("emailQueue")
      .where("status", "!=", "sent")
      .where((eb) => eb.or([quotes("subject", text), quotes("body", text)]))
      .execute();
    await trx
      .updateTable("emailQueue")
      .set({ subject: sql`replace(subject, ${text}, ${ERASED_QUOTE})`, body: "" })
      .where(quotes("subject", text))
      .execute();
  };
  for (const thread of her.started.filter((t) => worthReplacing(t.subject))) {
    await trx
      .updateTable("notifications")
      .set({ title: sql`replace(title, ${thread.subject}, ${ERASED_SUBJECT})` })
      .where("link", "=", `/beskeder/${thread.id}`)
      .execute();
    await forgetInMail(thread.subject);
  }
  if (her.alias) {
    await trx
      .updateTable("notifications")
      .set({ title: sql`replace(title, ${her.alias}, ${ERASED_QUOTE})` })
      .where(quotes("title", her.alias))
      .execute();
    await forgetInMail(her.alias);
  }
  if (worthReplacing(her.name)) {
    await trx
      .updateTable("messages")
      .set({ body: sql`replace(body, ${her.name}, ${ERASED_NAME})` })
      .where("threadId", "in", trx.selectFrom("threads").select("id").where("flexjobberId", "=", her.userId))
      .where(quotes("body", her.name))
      .execute();
  }
}

/** The rate-limit keys that can be worked out from her (they are stored hashed and swept within the hour anyway). */
async function forgetRateLimits(trx: Db, emails: string[], userId: string): Promise<void> {
  const keys = [
    ...emails.flatMap((email) => [storedKey(LIMITS.loginAccount, email), storedKey(LIMITS.resetAccount, email)]),
    storedKey(LIMITS.resetAccount, `email-change:${userId}`),
    storedKey(LIMITS.resetAccount, `password-change:${userId}`),
    storedKey(LIMITS.messages, userId),
  ];
  await trx.deleteFrom("rateLimitHits").where("key", "in", keys).execute();
}
