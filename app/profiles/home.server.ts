import type { Db } from "../../db/kysely";
import { completeness } from "./completeness";
import { loadProfileDetails } from "./profile.server";
import { visibleProfiles } from "./search.server";

/** The flexjobber's start page: where the profile stands and who is waiting for an answer. */
export async function flexjobberHome(db: Db, userId: string) {
  const details = await loadProfileDetails(db, userId);
  const pending = await db
    .selectFrom("contactRequests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("profileUserId", "=", userId)
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return {
    status: details?.profile.status ?? null,
    hidden: details?.profile.hidden === 1,
    percent: details ? completeness(details).percent : 0,
    pendingRequests: pending.n,
  };
}

/** The company's start page: how many it can find, and how its requests stand. */
export async function companyHome(db: Db, companyId: number) {
  const [visible, requests] = await Promise.all([
    visibleProfiles(db).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db
      .selectFrom("contactRequests")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("companyId", "=", companyId)
      .groupBy("status")
      .execute(),
  ]);
  const count = (status: string) => requests.find((r) => r.status === status)?.n ?? 0;
  return { visibleProfiles: visible.n, accepted: count("accepted"), pending: count("pending") };
}
