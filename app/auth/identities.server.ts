import { writeAudit } from "~/audit/audit.server";

import type { Db } from "../../db/kysely";
import { STAFF_ROLES } from "../../db/schema";
import { recordLoginEvent } from "./login.server";
import type { VerifiedIdentity } from "./oidc.server";
import type { Audience } from "./oidc-config.server";
import { accountInGoodStanding } from "./standing.server";

// Which account an identity at a provider belongs to. Citizens are linked
// only by themselves (accepting an invitation, or on "Min konto"): the forum
// is closed, so an unknown MitID gets no account. A company person may be
// linked on first use by the email the provider vouches for, within the
// company of the CVR in the token; staff by their verified work email, to
// an account an admin created. Roles always stay in the app.

export type IdentityLoginResult =
  | { status: "ok"; userId: string }
  | { status: "unknown" }
  | { status: "cvr_mismatch" }
  | { status: "suspended" }
  /** The account the email names is already linked to another identity of this audience. */
  | { status: "linked_elsewhere" };

type Identity = Pick<VerifiedIdentity, "audience" | "issuer" | "subject">;

export async function linkedUserId(db: Db, identity: Identity): Promise<string | null> {
  const row = await db
    .selectFrom("loginIdentities")
    .select("userId")
    .where("issuer", "=", identity.issuer)
    .where("subject", "=", identity.subject)
    .where("audience", "=", identity.audience)
    .executeTakeFirst();
  return row?.userId ?? null;
}

export type LinkResult = "ok" | "taken" | "linked_elsewhere";

/**
 * Links the identity to the account. Refused when the identity belongs to
 * another account; and when the account already has another identity of this
 * audience, unless `replace` (only the signed-in person on Min konto replaces
 * a link: a login never does, so a second identity cannot push the real
 * person's out).
 */
export async function linkIdentity(db: Db, userId: string, identity: Identity, { replace = false, now = new Date() }: { replace?: boolean; now?: Date } = {}): Promise<LinkResult> {
  const owner = await db.selectFrom("loginIdentities").select("userId").where("issuer", "=", identity.issuer).where("subject", "=", identity.subject).executeTakeFirst();
  if (owner) return owner.userId === userId ? "ok" : "taken";
  if (replace) await db.deleteFrom("loginIdentities").where("userId", "=", userId).where("audience", "=", identity.audience).execute();
  // The unique (user, audience) index decides a race between two first uses: one row wins.
  const inserted = await db
    .insertInto("loginIdentities")
    .values({ issuer: identity.issuer, subject: identity.subject, userId, audience: identity.audience, createdAt: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return "ok";
  return (await linkedUserId(db, identity)) === userId ? "ok" : "linked_elsewhere";
}

export async function unlinkIdentity(db: Db, userId: string, audience: Audience): Promise<void> {
  await db.deleteFrom("loginIdentities").where("userId", "=", userId).where("audience", "=", audience).execute();
}

/** When the account was linked to its provider, or null. */
export async function linkedSince(db: Db, userId: string, audience: Audience): Promise<string | null> {
  const row = await db.selectFrom("loginIdentities").select("createdAt").where("userId", "=", userId).where("audience", "=", audience).executeTakeFirst();
  return row?.createdAt ?? null;
}

/**
 * The account a first login may be linked to by the provider's word for email
 * (and CVR): only an email the provider says it verified, never one a person
 * typed into their own profile at the provider.
 */
async function firstUseMatch(db: Db, identity: VerifiedIdentity): Promise<string | null> {
  if (!identity.email || !identity.emailVerified) return null;
  if (identity.audience === "staff") {
    const staff = await db.selectFrom("users").select("id").where("email", "=", identity.email).where("role", "in", STAFF_ROLES).executeTakeFirst();
    return staff?.id ?? null;
  }
  if (identity.audience === "business") {
    // MitID Erhverv's email is the one the company registered for the person;
    // the CVR is checked next, and a wrong one refuses the login (and links nothing).
    const person = await db.selectFrom("users").select("id").where("email", "=", identity.email).where("role", "=", "company").executeTakeFirst();
    return person?.id ?? null;
  }
  return null;
}

/** A company person's token must carry their company's CVR; everyone else passes. */
export async function cvrMatches(db: Db, userId: string, identity: Pick<VerifiedIdentity, "audience" | "cvr">): Promise<boolean> {
  if (identity.audience !== "business") return true;
  const row = await db.selectFrom("users as u").innerJoin("companies as c", "c.id", "u.companyId").select("c.cvr").where("u.id", "=", userId).executeTakeFirst();
  return Boolean(row && identity.cvr && row.cvr === identity.cvr);
}

/**
 * A login through a provider: the linked account (linking a company person or
 * staff member on first use), checked like a password login (the one standing
 * check), and recorded in the login events with its method.
 */
export async function loginWithIdentity(db: Db, identity: VerifiedIdentity, now = new Date()): Promise<IdentityLoginResult> {
  let userId = await linkedUserId(db, identity);
  let firstUse = false;
  if (!userId) {
    userId = await firstUseMatch(db, identity);
    firstUse = userId !== null;
  }
  const user = userId ? await db.selectFrom("users").select(["id", "email", "role"]).where("id", "=", userId).executeTakeFirst() : undefined;
  const event = (succeeded: boolean) => recordLoginEvent(db, { email: user?.email ?? identity.email ?? "", userId: user?.id ?? null, succeeded, method: identity.audience }, now);
  if (!user) {
    await event(false);
    return { status: "unknown" };
  }
  if (!(await cvrMatches(db, user.id, identity))) {
    await event(false);
    return { status: "cvr_mismatch" };
  }
  if (!(await accountInGoodStanding(db, user.id))) {
    await event(false);
    return { status: "suspended" };
  }
  if (firstUse && (await linkIdentity(db, user.id, identity, { now })) !== "ok") {
    // Someone else's identity naming this account's email: the real person's link stays.
    await event(false);
    await writeAudit(db, { actorId: null, action: "identity_link_refused", subjectUserId: user.id }, now);
    return { status: "linked_elsewhere" };
  }
  await event(true);
  return { status: "ok", userId: user.id };
}
