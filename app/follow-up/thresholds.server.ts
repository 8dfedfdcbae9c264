import type { Db } from "../../db/kysely";
import { FOLLOW_UP_DAYS, type FollowUpDays } from "./options";

// Opfølgning's thresholds as an admin set them under Indstillinger; the
// defaults where nothing (or something unreadable) is stored.
const KEY = "follow_up_days";

export async function followUpThresholds(db: Db): Promise<FollowUpDays> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", KEY).executeTakeFirst();
  const days: FollowUpDays = { ...FOLLOW_UP_DAYS };
  if (!row) return days;
  try {
    const stored = JSON.parse(row.value) as Record<string, unknown>;
    for (const key of Object.keys(days) as (keyof FollowUpDays)[]) {
      const n = stored[key];
      if (typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 365) days[key] = n;
    }
  } catch {
    // Unreadable: the defaults.
  }
  return days;
}

export async function saveFollowUpThresholds(db: Db, days: FollowUpDays): Promise<void> {
  const value = JSON.stringify(days);
  await db
    .insertInto("settings")
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}
