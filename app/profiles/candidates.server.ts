import type { Db } from "../../db/kysely";
import { type CompanyProfileView, toCompanyView } from "./company-view";
import { type RequestState, requestState, type RevealedIdentity, revealedIdentity } from "./contact.server";
import { loadProfileDetails } from "./profile.server";
import { recordProfileView } from "./views.server";
import { visibleProfiles } from "./visibility.server";

export interface CandidatePage {
  view: CompanyProfileView;
  /** null until the flexjobber accepts this company's request. */
  identity: RevealedIdentity | null;
  request: RequestState;
}

/**
 * One candidate as a company sees it: the anonymised view, identity only after
 * a yes. Hidden or unapproved profiles do not exist for companies (null).
 * Records the view.
 */
export async function loadCandidateForCompany(db: Db, input: { alias: string; companyId: number; viewerId: string }, now = new Date()): Promise<CandidatePage | null> {
  const row = await visibleProfiles(db, input.companyId).select("p.userId").where("p.alias", "=", input.alias).executeTakeFirst();
  if (!row) return null;
  const details = await loadProfileDetails(db, row.userId);
  if (!details) return null;
  await recordProfileView(db, { profileUserId: row.userId, companyId: input.companyId, viewerId: input.viewerId }, now);
  const [identity, request] = await Promise.all([revealedIdentity(db, input.companyId, row.userId), requestState(db, input.companyId, row.userId, now)]);
  return { view: toCompanyView(details, now), identity, request };
}
