import { type InvitationState, invitationState } from "~/auth/invitations.server";

import type { Db } from "../../db/kysely";
import type { Role } from "../../db/schema";
import { STAFF_ROLES } from "../../db/schema";

export interface InvitationRow {
  id: number;
  name: string;
  email: string;
  state: InvitationState;
  createdAt: string;
  expiresAt: string;
  consultantName: string | null;
}

/** Invitations of one role (newest first) with their state, for staff and company-admin lists. */
export async function listInvitations(db: Db, { role, companyId }: { role: Role; companyId?: number }, now = new Date()): Promise<InvitationRow[]> {
  let query = db
    .selectFrom("invitations as i")
    .leftJoin("users as c", "c.id", "i.consultantId")
    .select(["i.id", "i.name", "i.email", "i.createdAt", "i.expiresAt", "i.usedAt", "i.revokedAt", "c.name as consultantName"])
    .where("i.role", "=", role)
    .orderBy("i.createdAt", "desc")
    .orderBy("i.id", "desc")
    .limit(200);
  if (companyId !== undefined) query = query.where("i.companyId", "=", companyId);
  const rows = await query.execute();
  return rows.map(({ usedAt, revokedAt, ...row }) => ({
    ...row,
    state: invitationState({ usedAt, revokedAt, expiresAt: row.expiresAt }, now),
  }));
}

/** Staff and admins, for choosing a consultant. */
export async function listStaff(db: Db): Promise<{ id: string; name: string; role: Role }[]> {
  return db.selectFrom("users").select(["id", "name", "role"]).where("role", "in", STAFF_ROLES).where("status", "=", "active").orderBy("name").execute();
}

export async function listCompanyUsers(db: Db, companyId: number) {
  return db.selectFrom("users").select(["id", "name", "email", "isCompanyAdmin"]).where("companyId", "=", companyId).where("status", "!=", "erased").orderBy("name").execute();
}
