import { forbidden } from "~/auth/guard.server";

import { db } from "../../db/client.server";
import { getCompanyOpening, type OpeningDetails } from "./openings.server";

/** The company's own opening, or a thrown 404 / 403 (another company's, drafts included). */
export async function requireOwnOpening(idParam: string | undefined, companyId: number): Promise<OpeningDetails> {
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Opslaget findes ikke.", { status: 404 });
  const result = await getCompanyOpening(db, id, companyId);
  if (result === "not_found") throw new Response("Opslaget findes ikke.", { status: 404 });
  if (result === "forbidden") forbidden();
  return result;
}
