import type { Db } from "../kysely";
import { findPostcode, POSTCODE_DATA_VERSION } from "./postcodes";

const KEY = "postcode_data_version";

/**
 * Profiles and openings keep a copy of their postcode's point (so distance
 * filters run in SQL). When the points change, the copies are refreshed once,
 * on the next start. Returns how many rows got a new point.
 */
export async function repointPostcodesIfStale(db: Db): Promise<number> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", KEY).executeTakeFirst();
  if (row?.value === POSTCODE_DATA_VERSION) return 0;
  return db.transaction().execute(async (trx) => {
    let changed = 0;
    for (const table of ["profiles", "openings"] as const) {
      const codes = await trx.selectFrom(table).select("postcode").distinct().where("postcode", "is not", null).execute();
      for (const { postcode } of codes) {
        const point = findPostcode(postcode!);
        const result = await trx
          .updateTable(table)
          .set({ lat: point?.lat ?? null, lng: point?.lng ?? null })
          .where("postcode", "=", postcode)
          .executeTakeFirst();
        changed += Number(result.numUpdatedRows);
      }
    }
    await trx
      .insertInto("settings")
      .values({ key: KEY, value: POSTCODE_DATA_VERSION })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: POSTCODE_DATA_VERSION }))
      .execute();
    return changed;
  });
}
