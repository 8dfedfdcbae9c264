import type * as z from "zod";

import { queueInvitation } from "~/auth/invitations.server";
import { deliverQueued, queueEmail } from "~/email/email.server";
import { companyRejectedEmail } from "~/email/messages.server";
import { containsDigits, containsText } from "~/utils/contains";
import { paginate } from "~/utils/paging";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { Company, CompanyStatus } from "../../db/schema";
import type { companyAccessSchema, CompanyListQuery } from "./schemas";

export type AccessRequest = z.output<typeof companyAccessSchema>;

export type AccessRequestResult = { status: "ok"; company: Company } | { status: "cvr_taken" };

/**
 * Where a CVR stands on the platform: asked for ("pending"), in ("approved"),
 * or free to ask. Checked as soon as MitID Erhverv returns, so a person from a
 * company already here is told how to get in instead of filling in a form.
 */
export async function cvrStanding(db: Db, cvr: string): Promise<"free" | "pending" | "approved"> {
  const live = await db.selectFrom("companies").select("status").where("cvr", "=", cvr).where("status", "in", ["pending", "approved"]).orderBy("id", "desc").executeTakeFirst();
  return live?.status === "pending" || live?.status === "approved" ? live.status : "free";
}

/**
 * A company asks for access: stored as pending until staff decide. Made with
 * MitID Erhverv, the CVR and the contact's name are the ones it verified.
 */
export async function requestCompanyAccess(db: Db, input: AccessRequest, now = new Date(), verified?: { cvr: string; name: string }): Promise<AccessRequestResult> {
  if (verified) input = { ...input, cvr: verified.cvr, contactName: verified.name };
  if ((await cvrStanding(db, input.cvr)) !== "free") return { status: "cvr_taken" };
  const company = await db
    .insertInto("companies")
    .values({
      name: input.companyName,
      cvr: input.cvr,
      contactName: input.contactName,
      contactEmail: input.email,
      contactPhone: input.phone ?? null,
      status: "pending",
      decisionNote: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: now.toISOString(),
      cvrVerifiedAt: verified ? now.toISOString() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { status: "ok", company };
}

export async function listCompanies(db: Db, status: CompanyStatus): Promise<Company[]> {
  return db
    .selectFrom("companies")
    .selectAll()
    .where("status", "=", status)
    .orderBy("createdAt", status === "pending" ? "asc" : "desc")
    .execute();
}

/** email_waiting: the decision is saved, its email is in the queue (retried; staff can resend it). */
export type DecisionResult = "ok" | "email_waiting" | "not_pending";

async function decide(db: Db, companyId: number, status: CompanyStatus, staffId: string, note: string | null, now: Date) {
  return db
    .updateTable("companies")
    .set({ status, decidedBy: staffId, decidedAt: now.toISOString(), decisionNote: note })
    .where("id", "=", companyId)
    .where("status", "=", "pending")
    .returningAll()
    .executeTakeFirst();
}

/**
 * Approves a pending company and invites its contact person as the company's
 * admin user: the decision and the queued invitation email are saved
 * together; "email_waiting" when the mail system could not take it yet.
 */
export async function approveCompany(db: Db, companyId: number, staffId: string, now = new Date()): Promise<DecisionResult> {
  const queued = await inTransaction(db, async (trx) => {
    const company = await decide(trx, companyId, "approved", staffId, null, now);
    if (!company) return null;
    const input = { email: company.contactEmail, name: company.contactName, role: "company" as const, invitedBy: staffId, companyId: company.id, isCompanyAdmin: true };
    return (await queueInvitation(trx, input, now)).emailId;
  });
  if (queued === null) return "not_pending";
  return (await deliverQueued(db, [queued], now)) === 1 ? "ok" : "email_waiting";
}

export async function rejectCompany(db: Db, companyId: number, staffId: string, note: string | undefined, now = new Date()): Promise<DecisionResult> {
  const queued = await inTransaction(db, async (trx) => {
    const company = await decide(trx, companyId, "rejected", staffId, note ?? null, now);
    if (!company) return null;
    const message = companyRejectedEmail({ contactName: company.contactName, contactEmail: company.contactEmail, companyName: company.name, note: company.decisionNote });
    return queueEmail(trx, message, { kind: "company_decision", companyId: company.id }, now);
  });
  if (queued === null) return "not_pending";
  return (await deliverQueued(db, [queued], now)) === 1 ? "ok" : "email_waiting";
}

export async function getCompany(db: Db, id: number): Promise<Company | undefined> {
  return db.selectFrom("companies").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Approved and suspended companies with how many users, openings and confirmed hires they have. */
/** "Virksomheder": one page of the companies matching the search (name or CVR), with users, openings and hires, and the total. */
export async function searchCompanies(db: Db, query: CompanyListQuery) {
  let base = db.selectFrom("companies as c").where("c.status", "in", query.adgang ? [query.adgang] : ["approved", "suspended"]);
  if (query.q) {
    const { q } = query;
    const digits = q.replace(/\D/g, "");
    base = base.where((eb) => eb.or([containsText("c.name", q), ...(digits.length >= 2 ? [containsDigits("c.cvr", digits)] : [])]));
  }
  return paginate(
    async () => (await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
    (limit, offset) =>
      base
        .select((eb) => [
          "c.id",
          "c.name",
          "c.cvr",
          "c.status",
          "c.contactName",
          "c.contactEmail",
          "c.decidedAt",
          eb
            .selectFrom("users as u")
            .select((x) => x.fn.countAll<number>().as("n"))
            .whereRef("u.companyId", "=", "c.id")
            .as("users"),
          eb
            .selectFrom("openings as o")
            .select((x) => x.fn.countAll<number>().as("n"))
            .whereRef("o.companyId", "=", "c.id")
            .where("o.status", "!=", "draft")
            .as("openings"),
          eb
            .selectFrom("hires as h")
            .select((x) => x.fn.countAll<number>().as("n"))
            .whereRef("h.companyId", "=", "c.id")
            .where("h.confirmedAt", "is not", null)
            .as("hires"),
        ])
        .orderBy("c.name")
        .orderBy("c.id")
        .limit(limit)
        .offset(offset)
        .execute(),
    query.side,
  );
}

export type SuspendResult =
  | { status: "ok"; userIds: string[] }
  | { status: "not_found" }
  /** Reactivating would give two live companies one CVR: staff choose. */
  | { status: "cvr_in_use"; other: { id: number; name: string; status: CompanyStatus; createdAt: string } };

/**
 * Suspending stops the company's users from logging in (their sessions end),
 * revokes its open invitations and hides its openings; reactivating undoes
 * all but the invitations (send new ones). A company that asked again with
 * the same CVR while suspended is a conflict staff resolve: with
 * `mergePendingRequest` the new request is rejected as merged into this one.
 */
export async function setCompanySuspended(
  db: Db,
  companyId: number,
  suspended: boolean,
  { staffId, mergePendingRequest = false }: { staffId?: string; mergePendingRequest?: boolean } = {},
  now = new Date(),
): Promise<SuspendResult> {
  return inTransaction(db, async (trx) => {
    const company = await trx
      .selectFrom("companies")
      .select(["id", "cvr", "name"])
      .where("id", "=", companyId)
      .where("status", "=", suspended ? "approved" : "suspended")
      .executeTakeFirst();
    if (!company) return { status: "not_found" as const };
    if (!suspended) {
      const other = await trx
        .selectFrom("companies")
        .select(["id", "name", "status", "createdAt"])
        .where("cvr", "=", company.cvr)
        .where("id", "!=", companyId)
        .where("status", "in", ["pending", "approved"])
        .executeTakeFirst();
      if (other && !(mergePendingRequest && other.status === "pending")) return { status: "cvr_in_use" as const, other };
      if (other) {
        await trx
          .updateTable("companies")
          .set({ status: "rejected", decidedBy: staffId ?? null, decidedAt: now.toISOString(), decisionNote: `Lagt sammen med ${company.name}, som er åbnet igen.` })
          .where("id", "=", other.id)
          .execute();
      }
    }
    await trx
      .updateTable("companies")
      .set({ status: suspended ? "suspended" : "approved" })
      .where("id", "=", companyId)
      .execute();
    await trx
      .updateTable("users")
      .set({ status: suspended ? "suspended" : "active" })
      .where("companyId", "=", companyId)
      .where("status", "!=", "erased")
      .execute();
    if (suspended) {
      await trx
        .updateTable("invitations")
        .set({ revokedAt: now.toISOString() })
        .where("companyId", "=", companyId)
        .where("usedAt", "is", null)
        .where("revokedAt", "is", null)
        .execute();
    }
    const users = await trx.selectFrom("users").select("id").where("companyId", "=", companyId).execute();
    return { status: "ok" as const, userIds: users.map((u) => u.id) };
  });
}
