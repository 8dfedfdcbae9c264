import type { Db } from "../../db/kysely";
import { indexProfileText } from "~/search/text-index.server";
import { searchableText, toCompanyView } from "./company-view";
import type { ProfileDetails } from "./profile-details";

/**
 * Replaces the profile's full-text document with its anonymised text (what a
 * company may see, nothing else). Called inside the same transaction as every profile change.
 */
export async function indexProfile(trx: Db, details: ProfileDetails): Promise<void> {
  await indexProfileText(trx, details.profile.userId, searchableText(toCompanyView(details)));
}
