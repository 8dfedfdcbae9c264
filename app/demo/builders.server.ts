import { randomBytes } from "node:crypto";

import { HEALTH_CONSENT_VERSION } from "~/auth/consent-texts";
import { hashPassword } from "~/auth/password.server";
import { withoutMatchTerms } from "~/matching/match-terms";
import { closeOpening, publishOpening, saveOpening } from "~/openings/openings.server";
import type { OpeningInput } from "~/openings/schemas";
import * as profiles from "~/profiles/profile.server";
import { approveProfile } from "~/profiles/review.server";

import type { Db } from "../../db/kysely";
import type { Company, CompanyStatus, Role, User } from "../../db/schema";

// Building blocks for tests and for the demo seed, so both make data the same way.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "korrekt-hest-batteri";

export async function createUser(db: Db, fields: Partial<Omit<User, "passwordHash">> & { role: Role; password?: string }): Promise<User & { password: string }> {
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
    retentionWarnedAt: null,
    erasedAt: null,
    lastActiveDay: null,
    ...rest,
    passwordHash: await hashPassword(password),
  };
  user.email = user.email.toLowerCase();
  // lastActiveDay is kept by a trigger (migration 0026); left out, the builder also works on a database migrated only part way.
  const { lastActiveDay: _kept, ...row } = user;
  await db.insertInto("users").values(row).execute();
  return { ...user, password };
}

export async function createCompany(db: Db, fields: Partial<Omit<Company, "id">> & { status?: CompanyStatus } = {}): Promise<Company> {
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

export interface ProfileFixture {
  headline?: string;
  summary?: string;
  birthDate?: string;
  competences?: string[];
  certificates?: string[];
  industries?: string[];
  experiences?: { title: string; industry?: string; employer?: string; years?: number }[];
  showEmployerNames?: boolean;
  hours?: [number, number];
  postcode?: string;
  maxCommuteKm?: number;
  availability?: "seeking" | "open_to_change" | "not_seeking";
  accommodations?: { label: string; visible: boolean }[];
  healthConsent?: boolean;
  /** "approved" (default) publishes and approves; "pending" only publishes; "draft" leaves it. */
  status?: "draft" | "pending" | "approved";
  approvedBy?: string;
}

/** A flexjobber with a filled-in profile, built through the same domain functions the pages use. */
export async function createFlexjobberWithProfile(
  db: Db,
  user: Partial<Omit<User, "passwordHash" | "role">> & { password?: string } = {},
  fixture: ProfileFixture = {},
  now = new Date(),
) {
  const flexjobber = await createUser(db, { role: "flexjobber", name: "Flemming Fleks", phone: "+45 12 34 56 78", ...user });
  const profile = await fillProfile(db, flexjobber.id, fixture, now);
  return { user: flexjobber, profile };
}

/** Fills in (and by default publishes and approves) the profile of an existing flexjobber. */
export async function fillProfile(db: Db, id: string, fixture: ProfileFixture = {}, now = new Date()) {
  await profiles.ensureProfile(db, id, now);
  await profiles.updateAbout(db, id, {
    headline: fixture.headline ?? "Stabil lagermedarbejder",
    summary: fixture.summary ?? "Jeg er rolig og grundig og kan lide faste opgaver.",
    birthDate: fixture.birthDate,
  });
  for (const c of fixture.competences ?? ["Lagerarbejde", "Pakning", "Kundeservice"]) await profiles.addProfileTerm(db, id, "competence", c);
  for (const c of fixture.certificates ?? []) await profiles.addProfileTerm(db, id, "certificate", c);
  for (const i of fixture.industries ?? []) await profiles.addProfileTerm(db, id, "industry", i);
  for (const e of fixture.experiences ?? []) await profiles.addExperience(db, id, e);
  if (fixture.showEmployerNames) await profiles.setShowEmployerNames(db, id, true);
  const [hoursMin, hoursMax] = fixture.hours ?? [10, 15];
  await profiles.updateWishes(db, id, {
    hoursMin,
    hoursMax,
    timesOfDay: ["morning"],
    postcode: fixture.postcode ?? "2820",
    maxCommuteKm: fixture.maxCommuteKm ?? 15,
    availability: fixture.availability ?? "seeking",
  });
  if (fixture.healthConsent) await profiles.setHealthConsent(db, id, true, HEALTH_CONSENT_VERSION);
  for (const a of fixture.accommodations ?? []) {
    await profiles.addAccommodation(db, id, a.label);
    if (a.visible) {
      const row = await db.selectFrom("accommodations").select("id").where("userId", "=", id).where("label", "=", a.label).executeTakeFirstOrThrow();
      await profiles.setAccommodationVisible(db, id, row.id, true);
    }
  }
  const status = fixture.status ?? "approved";
  if (status !== "draft") await profiles.publishProfile(db, id, now);
  if (status === "approved") {
    const approver = fixture.approvedBy ?? (await createUser(db, { role: "staff" })).id;
    await approveProfile(db, { userId: id, staffId: approver }, now);
  }
  return withoutMatchTerms(await db.selectFrom("profiles").selectAll().where("userId", "=", id).executeTakeFirstOrThrow());
}

/** An opening saved through the domain function (and published unless status says otherwise). */
export async function createOpening(db: Db, companyId: number, fields: Partial<OpeningInput> & { status?: "draft" | "published" | "closed"; owner?: User } = {}, now = new Date()) {
  const { status = "published", owner: given, ...input } = fields;
  // Without an owner a colleague is made for the opening (tests); the demo passes its own user.
  const owner = given ?? (await createUser(db, { role: "company", companyId }));
  const result = await saveOpening(
    db,
    {
      title: "Køkkenmedhjælper",
      description: "Hjælp til i vores kantine. Vi tager hensyn.",
      tasks: ["Hjælpe til i køkkenet", "Tage opvasken"],
      hoursMin: 10,
      hoursMax: 15,
      flexibility: "flexible",
      remote: false,
      postcode: "2820",
      industry: "Hotel, restaurant og kantine",
      required: ["Køkkenhjælp"],
      wanted: ["Opvask"],
      offers: ["Fleksible mødetider"],
      startDate: undefined,
      deadline: undefined,
      ...input,
    },
    { companyId, userId: owner.id },
    now,
  );
  if (!result.ok) throw new Error(`createOpening: ${JSON.stringify(result.errors)}`);
  if (status !== "draft") await publishOpening(db, result.id, companyId, now);
  if (status === "closed") await closeOpening(db, result.id, companyId, now);
  return { id: result.id, owner };
}
