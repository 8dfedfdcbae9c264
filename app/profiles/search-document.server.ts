import { profileForMatching } from "~/matching/adapters";
import { profileMatchTerms } from "~/matching/match-terms";
import { indexProfileText } from "~/search/text-index.server";

import type { Db } from "../../db/kysely";
import { searchableText, toCompanyView } from "./company-view";
import type { ProfileDetails } from "./profile-details";

/**
 * Keeps what searches read of a profile in step with it: the full-text
 * document (the anonymised text, what a company may see and nothing else) and
 * the match terms the score bounds read. Called inside the same transaction as
 * every profile change.
 */
export async function indexProfile(trx: Db, details: ProfileDetails): Promise<void> {
  const userId = details.profile.userId;
  await indexProfileText(trx, userId, searchableText(toCompanyView(details)));
  await trx
    .updateTable("profiles")
    .set(profileMatchTerms(profileForMatching(details)))
    .where("userId", "=", userId)
    .execute();
}
