import { sql } from "kysely";

import type { SessionUser } from "~/auth/session.server";
import { contactFrom, storedContact } from "~/jobcenter/contact.server";
import type { JobcenterContact } from "~/jobcenter/schemas";
import { unreadCountQuery } from "~/messages/threads.server";
import { viewerOf } from "~/messages/viewer.server";
import { unreadNotificationsQuery } from "~/notifications/notifications.server";

import type { Db } from "../../db/kysely";

export interface ShellData {
  contact: JobcenterContact;
  /** Unread messages and notices of the signed-in user (0 without one). */
  unread: number;
  notices: number;
}

/**
 * What the frame of every page shows (the jobcenter's contact in the footer,
 * the unread counts in the menu), read in one statement: it runs on every
 * page view, and against PostgreSQL each statement is a round trip. The
 * rules stay in their own areas; this only puts their queries side by side.
 */
export async function loadShell(db: Db, user: SessionUser | null): Promise<ShellData> {
  const row = await db
    .selectNoFrom([
      storedContact(db).as("contact"),
      user ? unreadCountQuery(db, viewerOf(user)).as("unread") : sql<number>`0`.as("unread"),
      user ? unreadNotificationsQuery(db, user.id).as("notices") : sql<number>`0`.as("notices"),
    ])
    .executeTakeFirstOrThrow();
  return { contact: contactFrom(row.contact ?? null), unread: Number(row.unread ?? 0), notices: Number(row.notices ?? 0) };
}
