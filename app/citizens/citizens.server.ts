import { randomBytes } from "node:crypto";

import { type ExpressionBuilder, sql } from "kysely";

import { writeAudit } from "~/audit/audit.server";
import { invitationState } from "~/auth/invitations.server";
import { normalizeEmail } from "~/auth/login.server";
import { NO_EMAIL_DOMAIN } from "~/email/no-email";
import { recordEmploymentStatus } from "~/employment/employment.server";
import { handOverConsultantThreads } from "~/messages/threads.server";
import { loadProfileDetails } from "~/profiles/profile.server";
import { containsDigits, containsText } from "~/utils/contains";
import { localDate } from "~/utils/dates";
import { type Paged, paginate } from "~/utils/paging";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { portableSql } from "../../db/portable";
import type { Database, EmploymentStatusValue } from "../../db/schema";
import type { AccountState } from "./options";
import type { CitizenListQuery } from "./schemas";

// "Borgere": every flexjobber the jobcenter has registered, with or without an account.

/** Creates the citizen without an account (status "registered"): they can't log in until invited. */
export async function registerCitizen(
  db: Db,
  input: { name: string; email?: string; consultantId?: string; staffId: string; status?: EmploymentStatusValue; fromDate?: string },
  now = new Date(),
): Promise<{ id: string } | "exists"> {
  return inTransaction(db, async (trx) => {
    // No email: a made-up address that is never sent to (no-email.ts).
    const email = input.email ? normalizeEmail(input.email) : `${randomBytes(12).toString("hex")}@${NO_EMAIL_DOMAIN}`;
    const existing = await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    if (existing) return "exists";
    const id = randomBytes(15).toString("base64url");
    await trx
      .insertInto("users")
      .values({
        id,
        email,
        name: input.name,
        phone: null,
        role: "flexjobber",
        // No password can match an empty hash.
        passwordHash: "",
        status: "registered",
        companyId: null,
        isCompanyAdmin: 0,
        consultantId: input.consultantId ?? null,
        createdAt: now.toISOString(),
      })
      .execute();
    if (input.status && input.fromDate) {
      await recordEmploymentStatus(trx, { userId: id, status: input.status, fromDate: input.fromDate, source: "staff", recordedBy: input.staffId }, now);
    }
    return { id };
  });
}

export interface CitizenRow {
  id: string;
  name: string;
  email: string;
  account: AccountState;
  profileStatus: string | null;
  hidden: boolean;
  lastActive: string | null;
  consultantName: string | null;
  employment: EmploymentStatusValue | null;
}

/** The rows of these citizens as "Borgere" shows them. */
async function citizenRows(db: Db, ids: string[], now: Date): Promise<CitizenRow[]> {
  const today = localDate(now);
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("profiles as p", "p.userId", "u.id")
    .leftJoin("users as c", "c.id", "u.consultantId")
    .select((eb) => [
      "u.id",
      "u.name",
      "u.email",
      "u.status",
      "p.status as profileStatus",
      "p.hidden",
      "c.name as consultantName",
      lastLoginOf(eb).as("lastActive"),
      employmentOf(eb, today).as("employment"),
      eb
        .selectFrom("invitations as i")
        .select(
          portableSql(db)
            .jsonObject({ usedAt: sql`i.used_at`, revokedAt: sql`i.revoked_at`, expiresAt: sql`i.expires_at` })
            .as("inv"),
        )
        .whereRef("i.email", "=", "u.email")
        .where("i.role", "=", "flexjobber")
        .orderBy("i.id", "desc")
        .limit(1)
        .as("invitation"),
    ])
    .where("u.id", "in", ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    account: accountState(r.status, r.invitation, now),
    profileStatus: r.profileStatus,
    hidden: r.hidden === 1,
    lastActive: r.lastActive ? localDate(new Date(r.lastActive)) : null,
    consultantName: r.consultantName,
    employment: (r.employment as EmploymentStatusValue | null) ?? null,
  }));
}

/** The latest successful login of the citizen in `u`. */
function lastLoginOf(eb: ExpressionBuilder<Database & { u: Database["users"] }, "u">) {
  return eb
    .selectFrom("loginEvents as l")
    .select((x) => x.fn.max("l.createdAt").as("at"))
    .whereRef("l.userId", "=", "u.id")
    .where("l.succeeded", "=", 1);
}

/** The citizen's employment status today (null: none registered). */
function employmentOf(eb: ExpressionBuilder<Database & { u: Database["users"] }, "u">, today: string) {
  return eb
    .selectFrom("employmentStatuses as s")
    .select("s.status")
    .whereRef("s.userId", "=", "u.id")
    .where("s.fromDate", "<=", today)
    .orderBy("s.fromDate", "desc")
    .orderBy("s.id", "desc")
    .limit(1);
}

/** accountState() in SQL, for filtering: the account's status, else the latest invitation's state. */
function accountStateSql(now: Date) {
  const at = now.toISOString();
  return sql<AccountState>`case
    when u.status = 'active' then 'account'
    when u.status = 'suspended' then 'suspended'
    else coalesce((select case
        when i.used_at is not null then 'account'
        when i.revoked_at is not null then 'revoked'
        when i.expires_at <= ${at} then 'expired'
        else 'invited' end
      from invitations i where i.email = u.email and i.role = 'flexjobber' order by i.id desc limit 1), 'none')
  end`;
}

/** "Borgere": one page of the citizens matching the search and filters, with the total. */
export async function searchCitizens(db: Db, query: CitizenListQuery, viewer: { id: string }, now = new Date()): Promise<Paged<CitizenRow>> {
  const today = localDate(now);
  let base = db.selectFrom("users as u").leftJoin("profiles as p", "p.userId", "u.id").where("u.role", "=", "flexjobber").where("u.status", "!=", "erased");
  if (query.q) {
    const { q } = query;
    const digits = q.replace(/\D/g, "");
    base = base.where((eb) => eb.or([containsText("u.name", q), containsText("u.email", q), ...(digits.length >= 3 ? [containsDigits("u.phone", digits)] : [])]));
  }
  if (query.raadgiver === "mine") base = base.where("u.consultantId", "=", viewer.id);
  else if (query.raadgiver === "ingen") base = base.where("u.consultantId", "is", null);
  else if (query.raadgiver) base = base.where("u.consultantId", "=", query.raadgiver);
  if (query.konto) base = base.where(sql<boolean>`${accountStateSql(now)} = ${query.konto}`);
  if (query.profil === "ingen") base = base.where("p.userId", "is", null);
  else if (query.profil === "pause") base = base.where("p.hidden", "=", 1);
  else if (query.profil) base = base.where("p.status", "=", query.profil);
  if (query.status === "ingen") base = base.where((eb) => eb.not(eb.exists(employmentOf(eb, today))));
  else if (query.status) base = base.where((eb) => eb(employmentOf(eb, today), "=", query.status as EmploymentStatusValue));
  if (query.inaktiv) {
    const since = new Date(now.getTime() - query.inaktiv * 86_400_000).toISOString();
    base = base.where((eb) => eb.or([eb(lastLoginOf(eb), "is", null), eb(lastLoginOf(eb), "<", since)]));
  }
  // The page's ids first (cheap), then their details: the correlated look-ups run for 50 rows, not all.
  const ordered =
    query.sortering === "login"
      ? base.orderBy(sql`(${sql.raw("select max(l.created_at) from login_events l where l.user_id = u.id and l.succeeded = 1")}) asc nulls first`).orderBy("u.name")
      : base.orderBy("u.name");
  const page = await paginate(
    async () => (await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
    async (limit, offset) => (await ordered.select("u.id").orderBy("u.id").limit(limit).offset(offset).execute()).map((r) => r.id),
    query.side,
  );
  const details = new Map((await citizenRows(db, page.rows, now)).map((r) => [r.id, r]));
  return { ...page, rows: page.rows.flatMap((id) => details.get(id) ?? []) };
}

function accountState(status: string, invitationJson: string | null, now: Date): AccountState {
  if (status === "active") return "account";
  if (status === "suspended") return "suspended";
  if (!invitationJson) return "none";
  const inv = JSON.parse(invitationJson) as { usedAt: string | null; revokedAt: string | null; expiresAt: string };
  const state = invitationState(inv, now);
  return state === "open" ? "invited" : state === "used" ? "account" : state;
}

export async function getCitizen(db: Db, id: string) {
  return db
    .selectFrom("users as u")
    .leftJoin("users as c", "c.id", "u.consultantId")
    .select(["u.id", "u.name", "u.email", "u.phone", "u.status", "u.consultantId", "c.name as consultantName"])
    .where("u.id", "=", id)
    .where("u.role", "=", "flexjobber")
    .where("u.status", "!=", "erased")
    .executeTakeFirst();
}

export async function latestInvitation(db: Db, email: string) {
  return db.selectFrom("invitations").selectAll().where("email", "=", email).where("role", "=", "flexjobber").orderBy("id", "desc").executeTakeFirst();
}

export async function setConsultant(db: Db, userId: string, consultantId: string | null): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("users").select("consultantId").where("id", "=", userId).where("role", "=", "flexjobber").executeTakeFirst();
    if (!before || before.consultantId === consultantId) return;
    await trx.updateTable("users").set({ consultantId }).where("id", "=", userId).execute();
    // Her conversations go with the job: the former consultant no longer reads them, the new one does.
    if (before.consultantId) await handOverConsultantThreads(trx, { flexjobberId: userId, from: before.consultantId, to: consultantId });
  });
}

/**
 * One citizen for staff: identity, and the profile when there is one. Every
 * look at a profile is written to the audit log (DESIGN.md core rule 4).
 */
export async function loadCitizenForStaff(db: Db, input: { userId: string; staffId: string }) {
  const person = await getCitizen(db, input.userId);
  if (!person) return null;
  const details = await loadProfileDetails(db, person.id);
  if (details) await writeAudit(db, { actorId: input.staffId, action: "profile_viewed_by_staff", subjectUserId: person.id });
  return { person, details };
}
