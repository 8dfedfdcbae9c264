import type { Db } from "../../db/kysely";
import { type Audience, audienceConfig, AUDIENCES } from "./oidc-config.server";

// An admin can switch passwords off per audience once everyone logs in
// through the provider. Only an audience with a configured provider can be
// without passwords: if its configuration is removed (or breaks), passwords
// work again, so nobody is locked out by a setting.
const KEY = "passwords_off";

async function storedOff(db: Db): Promise<Audience[]> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", KEY).executeTakeFirst();
  if (!row) return [];
  try {
    const value: unknown = JSON.parse(row.value);
    return Array.isArray(value) ? AUDIENCES.filter((a) => value.includes(a)) : [];
  } catch {
    return [];
  }
}

/** The audiences that log in only through their provider now. */
export async function passwordsOff(db: Db): Promise<Audience[]> {
  return (await storedOff(db)).filter((a) => audienceConfig(a) !== null);
}

export async function passwordsAllowedFor(db: Db, audience: Audience): Promise<boolean> {
  return !(await passwordsOff(db)).includes(audience);
}

export async function savePasswordsOff(db: Db, audiences: Audience[]): Promise<void> {
  const value = JSON.stringify(audiences.filter((a) => audienceConfig(a) !== null));
  await db
    .insertInto("settings")
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}
