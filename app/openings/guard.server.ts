import { forbidden } from "~/auth/guard.server";
import { notFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";
import { getCompanyOpening, type OpeningDetails } from "./openings.server";

/** The company's own opening, or a thrown 404 / 403 (another company's, drafts included). */
export async function requireOwnOpening(idParam: string | undefined, companyId: number): Promise<OpeningDetails> {
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) throw notFound("Opslaget findes ikke.");
  const result = await getCompanyOpening(db, id, companyId);
  if (result === "not_found") throw notFound("Opslaget findes ikke.");
  if (result === "forbidden") forbidden();
  return result;
}
