import { env } from "~/env.server";

import type { Db } from "../../db/kysely";
import { contactSchema, type JobcenterContact } from "./schemas";

// Stored as one JSON value in `settings`, checked by the form's own schema on
// the way out too, so a hand-edited database cannot break every page's footer.
const KEY = "jobcenter_contact";

/** Until an admin fills them in: the platform's name and no details (the footer then says whom to ask). */
function fallback(): JobcenterContact {
  return { name: `Jobcentret bag ${env.BRAND_NAME}`, address: undefined, phone: null, email: "", openingHours: undefined };
}

export async function getJobcenterContact(db: Db): Promise<JobcenterContact> {
  const row = await storedContact(db).executeTakeFirst();
  return contactFrom(row?.value ?? null);
}

/** The stored value as a query, for a read that takes it with other things in one statement (the shell). */
export function storedContact(db: Db) {
  return db.selectFrom("settings").select("value").where("key", "=", KEY);
}

/** The contact from the stored value (null: none stored yet). */
export function contactFrom(value: string | null): JobcenterContact {
  if (value === null) return fallback();
  try {
    const parsed = contactSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : fallback();
  } catch {
    return fallback();
  }
}

export async function saveJobcenterContact(db: Db, contact: JobcenterContact): Promise<void> {
  // Stored as the form would send it, so reading it back runs through the same schema.
  const value = JSON.stringify({ ...contact, phone: contact.phone ?? "" });
  await db
    .insertInto("settings")
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}
