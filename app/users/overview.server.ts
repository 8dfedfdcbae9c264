import { countUnsentEmails } from "~/email/email.server";
import { reviewQueueCounts } from "~/profiles/review.server";

import type { Db } from "../../db/kysely";

/** The numbers on the staff start page. */
export async function staffOverview(db: Db, now = new Date()) {
  const [pending, flexjobbers, open, profiles, hires, unsent] = await Promise.all([
    db
      .selectFrom("companies")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "pending")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("role", "=", "flexjobber")
      .where("status", "=", "active")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("invitations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("usedAt", "is", null)
      .where("revokedAt", "is", null)
      .where("expiresAt", ">", now.toISOString())
      .executeTakeFirstOrThrow(),
    reviewQueueCounts(db, now),
    db
      .selectFrom("hires")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("confirmedAt", "is", null)
      .where("cancelledAt", "is", null)
      .executeTakeFirstOrThrow(),
    countUnsentEmails(db),
  ]);
  return {
    pendingCompanies: pending.n,
    flexjobbers: flexjobbers.n,
    openInvitations: open.n,
    profilesToReview: profiles.waiting,
    profilesOverdue: profiles.overdue,
    hiresToConfirm: hires.n,
    unsentEmails: unsent,
  };
}
