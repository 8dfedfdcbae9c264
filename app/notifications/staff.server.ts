import { notificationEmail } from "~/email/messages.server";

import type { Db } from "../../db/kysely";
import type { NotificationKind } from "../../db/schema";
import { STAFF_ROLES } from "../../db/schema";
import { notify } from "./notifications.server";

/**
 * Work waiting for the jobcenter: the flexjobber's own consultant hears of
 * it, or every active staff member when she has none. The email names the
 * task, not the person (it leaves the platform); the page shows who.
 */
export async function notifyStaffTask(
  db: Db,
  input: { flexjobberId: string; kind: Extract<NotificationKind, "profile_to_approve" | "hire_to_confirm">; title: string; link: string },
  now = new Date(),
): Promise<void> {
  const person = await db.selectFrom("users").select("consultantId").where("id", "=", input.flexjobberId).executeTakeFirst();
  const consultant = person?.consultantId
    ? await db
        .selectFrom("users")
        .select(["id", "name", "email"])
        .where("id", "=", person.consultantId)
        .where("status", "=", "active")
        .where("role", "in", STAFF_ROLES)
        .executeTakeFirst()
    : undefined;
  const recipients = consultant
    ? [consultant]
    : await db.selectFrom("users").select(["id", "name", "email"]).where("role", "in", STAFF_ROLES).where("status", "=", "active").execute();
  for (const r of recipients) {
    await notify(
      db,
      { userId: r.id, kind: input.kind, title: input.title, link: input.link, email: notificationEmail({ to: r.email, name: r.name, title: input.title, link: input.link }) },
      now,
    );
  }
}
