import { createHash, randomBytes } from "node:crypto";

import { deliverQueued, queueEmail } from "~/email/email.server";
import { invitationEmail } from "~/email/messages.server";
import { hasNoEmail } from "~/email/no-email";
import { appUrl } from "~/env.server";

import { type Db, inTransaction } from "../../db/kysely";
import type { Invitation, Role } from "../../db/schema";
import { HEALTH_CONSENT_VERSION, PRIVACY_VERSION } from "./consent-texts";
import { giveConsent } from "./consents.server";
import { linkedUserId, linkIdentity } from "./identities.server";
import { normalizeEmail } from "./login.server";
import type { VerifiedIdentity } from "./oidc.server";
import { hashPassword } from "./password.server";
import { companyMayJoin } from "./standing.server";

export const INVITATION_DAYS = 14;

export interface InvitationInput {
  email: string;
  name: string;
  role: Role;
  invitedBy: string | null;
  companyId?: number | null;
  isCompanyAdmin?: boolean;
  consultantId?: string | null;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationUrl(token: string): string {
  return `${appUrl()}/invitation/${token}`;
}

/**
 * The email is taken for an invitation of this role: by an account (active,
 * suspended), or by a citizen staff registered when the invitation is not the
 * one that turns that registration into an account.
 */
export async function emailTakenFor(db: Db, email: string, role: Role): Promise<boolean> {
  const row = await db.selectFrom("users").select(["status", "role"]).where("email", "=", normalizeEmail(email)).executeTakeFirst();
  if (!row) return false;
  return row.status !== "registered" || row.role !== role;
}

type InvitationKind = Pick<Invitation, "role" | "companyId">;

/**
 * Invitations belong to their sender: the jobcenter's (citizens, staff) or
 * one company's colleagues. A new invitation replaces only an open one of the
 * same kind from the same sender.
 */
export function sameKindAndSender(a: InvitationKind, b: InvitationKind): boolean {
  const group = (role: Role) => (role === "admin" ? "staff" : role);
  return group(a.role) === group(b.role) && a.companyId === b.companyId;
}

/** Why this email cannot be invited now, or null: an account, or another sender's open invitation. */
export async function invitationConflict(db: Db, input: Pick<InvitationInput, "email" | "role" | "companyId">, now = new Date()): Promise<"account" | "other_invitation" | null> {
  if (await emailTakenFor(db, input.email, input.role)) return "account";
  const open = await openInvitations(db, input.email, now);
  const kind = { role: input.role, companyId: input.companyId ?? null };
  return open.some((inv) => !sameKindAndSender(inv, kind)) ? "other_invitation" : null;
}

async function openInvitations(db: Db, email: string, now: Date) {
  return db
    .selectFrom("invitations")
    .select(["id", "role", "companyId"])
    .where("email", "=", normalizeEmail(email))
    .where("usedAt", "is", null)
    .where("revokedAt", "is", null)
    .where("expiresAt", ">", now.toISOString())
    .execute();
}

/**
 * Creates a one-time invitation and returns its token (only the hash is stored).
 * Older open invitations of the same kind and sender for the same email are
 * revoked, so only the newest link works; others are left alone.
 */
/** Letters for a code typed by hand: no 0/O, 1/I/L or U (Crockford's base 32 without U). */
const CODE_LETTERS = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
const CODE_LENGTH = 10;

/** A code from a letter, as typed ("abcd-efgh 23"), in the form it was made ("ABCDEFGH23"). */
export function normalizeInvitationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

/** "ABCD-EFGH-23": the code as the letter prints it. */
export function formatInvitationCode(code: string): string {
  return code.replace(/^(.{4})(.{4})(.*)$/, "$1-$2-$3");
}

/** A short code for an invitation on paper: 10 letters from 30 (about 49 bits), behind the public forms' rate limit. */
function invitationCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  return Array.from(bytes, (b) => CODE_LETTERS[b % CODE_LETTERS.length]).join("");
}

export async function createInvitation(
  db: Db,
  input: InvitationInput,
  now = new Date(),
  { onPaper = false }: { onPaper?: boolean } = {},
): Promise<{ invitation: Invitation; token: string }> {
  // On paper the token is a short code the citizen types at /kode; it works and expires like a link.
  const token = onPaper ? invitationCode() : randomBytes(32).toString("base64url");
  const email = normalizeEmail(input.email);
  const invitation = await inTransaction(db, async (trx) => {
    const kind = { role: input.role, companyId: input.companyId ?? null };
    const replaced = (await openInvitations(trx, email, now)).filter((inv) => sameKindAndSender(inv, kind)).map((inv) => inv.id);
    if (replaced.length > 0) {
      await trx.updateTable("invitations").set({ revokedAt: now.toISOString() }).where("id", "in", replaced).execute();
    }
    return trx
      .insertInto("invitations")
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
        invitedBy: input.invitedBy,
        companyId: input.companyId ?? null,
        isCompanyAdmin: input.isCompanyAdmin ? 1 : 0,
        consultantId: input.consultantId ?? null,
        createdAt: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  return { invitation, token };
}

/** Creates the invitation and queues the email with its link, in one transaction (the caller's, if any). */
export async function queueInvitation(db: Db, input: InvitationInput, now = new Date()): Promise<{ invitation: Invitation; emailId: number }> {
  return inTransaction(db, async (trx) => {
    const { invitation, token } = await createInvitation(trx, input, now);
    const companyName = invitation.companyId ? (await trx.selectFrom("companies").select("name").where("id", "=", invitation.companyId).executeTakeFirst())?.name : undefined;
    const inviter = input.invitedBy ? await trx.selectFrom("users").select(["name", "role"]).where("id", "=", input.invitedBy).executeTakeFirst() : undefined;
    const colleagueName = inviter?.role === "company" ? inviter.name : undefined;
    const emailId = await queueEmail(
      trx,
      invitationEmail({ invitation, url: invitationUrl(token), companyName, colleagueName, validDays: INVITATION_DAYS }),
      { kind: "invitation", invitationId: invitation.id, companyId: invitation.companyId ?? undefined },
      now,
    );
    return { invitation, emailId };
  });
}

/**
 * Creates the invitation and sends the link. When the mail system is down the
 * invitation stays open and its email waits in the queue (retried, and
 * staff can resend it); `sent` says which happened.
 */
export async function sendInvitation(db: Db, input: InvitationInput, now = new Date()): Promise<{ invitation: Invitation; sent: boolean }> {
  const { invitation, emailId } = await queueInvitation(db, input, now);
  return { invitation, sent: (await deliverQueued(db, [emailId], now)) === 1 };
}

export async function revokeInvitation(db: Db, id: number, now = new Date()): Promise<void> {
  await db.updateTable("invitations").set({ revokedAt: now.toISOString() }).where("id", "=", id).where("usedAt", "is", null).execute();
}

export type InvitationState = "open" | "used" | "expired" | "revoked";

export function invitationState(inv: Pick<Invitation, "usedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationState {
  if (inv.usedAt) return "used";
  if (inv.revokedAt) return "revoked";
  if (new Date(inv.expiresAt) <= now) return "expired";
  return "open";
}

export type InvitationLookup = { state: "open"; invitation: Invitation } | { state: "unknown" | "used" | "expired" | "revoked" };

export async function lookupInvitation(db: Db, token: string, now = new Date()): Promise<InvitationLookup> {
  const invitation = await db.selectFrom("invitations").selectAll().where("tokenHash", "=", hashToken(token)).executeTakeFirst();
  if (!invitation) return { state: "unknown" };
  const state = invitationState(invitation, now);
  return state === "open" ? { state, invitation } : { state };
}

export interface AcceptInput {
  /** Empty when the account is created with an identity from a provider instead. */
  password: string;
  /** Already hashed: the demo generator hashes one password for thousands of accounts (never from a form). */
  passwordHash?: string;
  /** Explicit consent to process skånebehov (flexjobbers only); a no stores nothing. */
  healthConsent: boolean;
  /** "Opret med MitID": the account gets no password and is linked to this identity. */
  identity?: Pick<VerifiedIdentity, "audience" | "issuer" | "subject" | "cvr">;
  /** Her own address, for a citizen staff registered without email (an invitation on paper). */
  email?: string;
}

export type AcceptResult =
  { status: "ok"; userId: string; role: Role } | { status: "unknown" | "used" | "expired" | "revoked" | "email_taken" | "company_closed" | "cvr_mismatch" | "identity_taken" };

/** Turns an open invitation into an account, with the consents given, in one transaction. */
export async function acceptInvitation(db: Db, token: string, input: AcceptInput, now = new Date()): Promise<AcceptResult> {
  const { identity } = input;
  // No password with an identity: verifyPassword refuses an empty hash.
  const passwordHash = identity ? "" : (input.passwordHash ?? (await hashPassword(input.password)));
  return inTransaction(db, async (trx) => {
    const found = await lookupInvitation(trx, token, now);
    if (found.state !== "open") return { status: found.state };
    const inv = found.invitation;
    if (!(await companyMayJoin(trx, inv.companyId))) return { status: "company_closed" };
    if (await emailTakenFor(trx, inv.email, inv.role)) return { status: "email_taken" };
    // Registered without email: the address she gives now becomes the account's (it must be no one else's).
    const ownEmail = hasNoEmail(inv.email) && input.email ? normalizeEmail(input.email) : null;
    if (ownEmail && (await trx.selectFrom("users").select("id").where("email", "=", ownEmail).executeTakeFirst())) return { status: "email_taken" };
    if (identity) {
      if (await linkedUserId(trx, identity)) return { status: "identity_taken" };
      if (inv.role === "company") {
        const company = await trx.selectFrom("companies").select("cvr").where("id", "=", inv.companyId!).executeTakeFirst();
        if (!identity.cvr || company?.cvr !== identity.cvr) return { status: "cvr_mismatch" };
      }
    }

    const at = now.toISOString();
    // A citizen staff registered earlier keeps their row (and status history); it becomes an account.
    const registered = await trx
      .selectFrom("users")
      .select(["id", "consultantId"])
      .where("email", "=", inv.email)
      .where("status", "=", "registered")
      .where("role", "=", inv.role)
      .executeTakeFirst();
    const userId = registered?.id ?? randomBytes(15).toString("base64url");
    if (registered) {
      await trx
        .updateTable("users")
        .set({ passwordHash, status: "active", consultantId: inv.consultantId ?? registered.consultantId, ...(ownEmail ? { email: ownEmail } : {}) })
        .where("id", "=", registered.id)
        .execute();
    } else {
      await trx
        .insertInto("users")
        .values({
          id: userId,
          email: ownEmail ?? inv.email,
          name: inv.name,
          phone: null,
          role: inv.role,
          passwordHash,
          status: "active",
          companyId: inv.companyId,
          isCompanyAdmin: inv.isCompanyAdmin,
          consultantId: inv.consultantId,
          createdAt: at,
        })
        .execute();
    }
    await trx
      .updateTable("invitations")
      .set({ usedAt: at, userId, ...(ownEmail ? { email: ownEmail } : {}) })
      .where("id", "=", inv.id)
      .execute();
    if (identity) await linkIdentity(trx, userId, identity, { now });
    await giveConsent(trx, { userId, purpose: "privacy_statement", textVersion: PRIVACY_VERSION }, now);
    if (inv.role === "flexjobber" && input.healthConsent) {
      await giveConsent(trx, { userId, purpose: "health_data", textVersion: HEALTH_CONSENT_VERSION }, now);
    }
    return { status: "ok", userId, role: inv.role };
  });
}
