import { newInterestEmail } from "~/email/messages.server";
import { notify } from "~/notifications/notifications.server";
import { notifyStaffTask } from "~/notifications/staff.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { InterestStage } from "../../db/schema";
import { companyInterest, expressInterest, type InterestResult, setInterestStage } from "./interests.server";

// The notices of openings, and the use cases that send them: what a person
// does, in one transaction with what it sets off. Routes call the use cases;
// the steps they are made of (interests.server.ts) send nothing, so the demo
// generator and tests can build a history with them.

/** A flexjobber says she is interested; the company hears of it. */
export async function expressInterestAndNotify(
  db: Db,
  input: { userId: string; openingId: number; message?: string; shareIdentity: boolean },
  now = new Date(),
): Promise<InterestResult> {
  return inTransaction(db, async (trx) => {
    const result = await expressInterest(trx, input, now);
    if (result === "sent") await noticeNewInterest(trx, input.openingId);
    return result;
  });
}

/** A company moves a candidate to a stage; marked "Ansat" just now, the jobcenter is asked to confirm the hire. */
export async function setInterestStageAndNotify(
  db: Db,
  input: { interestId: number; companyId: number; stage: InterestStage; userId: string },
  now = new Date(),
): Promise<"saved" | "not_found"> {
  return inTransaction(db, async (trx) => {
    const before = await companyInterest(trx, input.interestId, input.companyId);
    if (!before) return "not_found";
    const result = await setInterestStage(trx, input, now);
    if (result === "saved" && input.stage === "hired" && before.stage !== "hired") {
      await notifyStaffTask(trx, { flexjobberId: before.userId, kind: "hire_to_confirm", title: "En ansættelse venter på bekræftelse", link: "/bekraeft" }, now);
    }
    return result;
  });
}

/** To the company user who made the opening: someone is interested ("Virksomheden får besked" is true). */
export async function noticeNewInterest(db: Db, openingId: number): Promise<void> {
  const row = await db
    .selectFrom("openings as o")
    .innerJoin("users as u", "u.id", "o.createdBy")
    .select(["u.id", "u.email", "u.name", "u.status", "o.title"])
    .where("o.id", "=", openingId)
    .executeTakeFirst();
  if (row && row.status === "active") {
    await notify(db, {
      userId: row.id,
      kind: "new_interest",
      title: `Ny interesse for ${row.title}`,
      link: `/opslag/${openingId}`,
      email: newInterestEmail({ to: row.email, name: row.name, openingTitle: row.title, openingId }),
    });
  }
}
