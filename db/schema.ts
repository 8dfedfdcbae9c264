/**
 * The Database interface: one typed view of every table, in camelCase
 * (kysely's CamelCasePlugin maps it to the snake_case columns in SQLite).
 * Dates are ISO-8601 strings in UTC unless a field says otherwise.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { VocabularyKind } from "./vocabularies/terms";

export const ROLES = ["flexjobber", "company", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type UserStatus = "active" | "suspended";
export type CompanyStatus = "pending" | "approved" | "rejected";
export type ConsentPurpose = "privacy_statement" | "health_data";

export interface SettingTable {
  key: string;
  value: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  passwordHash: string;
  status: UserStatus;
  companyId: number | null;
  isCompanyAdmin: number;
  consultantId: string | null;
  createdAt: string;
}

/** Lucia's session table; expiresAt is in seconds since the epoch (the adapter's format). */
export interface SessionTable {
  id: string;
  expiresAt: number;
  userId: string;
}

export interface CompanyTable {
  id: Generated<number>;
  name: string;
  cvr: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  status: CompanyStatus;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface InvitationTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  /** sha-256 of the token in the link; the token itself is never stored. */
  tokenHash: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  invitedBy: string | null;
  companyId: number | null;
  isCompanyAdmin: number;
  consultantId: string | null;
  /** The account that accepting the invitation created. */
  userId: string | null;
  createdAt: string;
}

export interface ConsentTable {
  id: Generated<number>;
  userId: string;
  purpose: ConsentPurpose;
  textVersion: string;
  givenAt: string;
  withdrawnAt: string | null;
}

/** Every login attempt; the successful ones are the LoginEvents of the metrics. */
export interface LoginEventTable {
  id: Generated<number>;
  email: string;
  userId: string | null;
  succeeded: number;
  createdAt: string;
}

export interface VocabularyTermTable {
  id: Generated<number>;
  kind: VocabularyKind;
  label: string;
  /** normalizeTerm(label): unique per kind, used for lookups and duplicates. */
  normalized: string;
  active: number;
  createdAt: string;
}

export interface Database {
  settings: SettingTable;
  users: UserTable;
  sessions: SessionTable;
  companies: CompanyTable;
  invitations: InvitationTable;
  consents: ConsentTable;
  loginEvents: LoginEventTable;
  vocabularyTerms: VocabularyTermTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Company = Selectable<CompanyTable>;
export type Invitation = Selectable<InvitationTable>;
export type InvitationUpdate = Updateable<InvitationTable>;
export type VocabularyTerm = Selectable<VocabularyTermTable>;
