import type { Db } from "../../db/kysely";
import { notify } from "~/notifications/notifications.server";
import { newInterestEmail } from "~/email/messages.server";

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
