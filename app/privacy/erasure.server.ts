import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { normalizeEmail } from "~/auth/login.server";
import { NO_PROFILE_MATCH_TERMS } from "~/matching/match-terms";
import { compactProfileText, removeProfileText } from "~/search/text-index.server";

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
export async function eraseUser(db: Db, userId: string, now = new Date()): Promise<"erased" | "not_found"> {
  const result = await inTransaction(db, async (trx) => {
    const user = await trx.selectFrom("users").select(["id", "email", "status"]).where("id", "=", userId).executeTakeFirst();
    if (!user || user.status === "erased") return "not_found" as const;
    const at = now.toISOString();
    const token = randomBytes(9).toString("hex");
    const placeholderEmail = `slettet-${token}@slettet.invalid`;
    const oldEmail = normalizeEmail(user.email);

    await trx
      .updateTable("users")
      .set({ name: ERASED_NAME, email: placeholderEmail, phone: null, passwordHash: "", status: "erased", erasedAt: at, isCompanyAdmin: 0, retentionWarnedAt: null })
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

    // Where the email or name was written down beside the account.
    await trx
      .updateTable("invitations")
      .set({ email: placeholderEmail, name: ERASED_NAME })
      .where((eb) => eb.or([eb("userId", "=", userId), eb("email", "=", oldEmail)]))
      .execute();
    await trx.deleteFrom("emailQueue").where((eb) => eb(eb.fn("lower", ["toAddress"]), "=", oldEmail)).execute();
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
    return "erased" as const;
  });
  // Deleted rows can linger in the full-text index's segments until they are
  // merged; merge now so the words are gone from the file as well.
  if (result === "erased") await compactProfileText(db);
  return result;
}
