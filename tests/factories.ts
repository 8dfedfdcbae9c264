import { randomBytes } from "node:crypto";
import type { Db } from "../db/kysely";
import type { Company, CompanyStatus, Role, User } from "../db/schema";
import { hashPassword } from "../app/auth/password.server";

// Building blocks for tests and for the demo seed, so both make data the same way.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "korrekt-hest-batteri";

export async function createUser(
  db: Db,
  fields: Partial<Omit<User, "passwordHash">> & { role: Role; password?: string },
): Promise<User & { password: string }> {
  const password = fields.password ?? TEST_PASSWORD;
  const { password: _ignored, ...rest } = fields;
  const user: User = {
    id: randomBytes(15).toString("base64url"),
    email: `bruger-${unique()}@example.dk`,
    name: "Test Bruger",
    phone: null,
    status: "active",
    companyId: null,
    isCompanyAdmin: 0,
    consultantId: null,
    createdAt: new Date().toISOString(),
    ...rest,
    passwordHash: await hashPassword(password),
  };
  user.email = user.email.toLowerCase();
  await db.insertInto("users").values(user).execute();
  return { ...user, password };
}

export async function createCompany(
  db: Db,
  fields: Partial<Omit<Company, "id">> & { status?: CompanyStatus } = {},
): Promise<Company> {
  return db
    .insertInto("companies")
    .values({
      name: "Test Virksomhed ApS",
      cvr: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
      contactName: "Kontakt Person",
      contactEmail: `kontakt-${unique()}@example.dk`,
      contactPhone: null,
      status: "approved",
      decisionNote: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: new Date().toISOString(),
      ...fields,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
