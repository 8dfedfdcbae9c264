import { randomBytes } from "node:crypto";
import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { EmploymentStatusValue } from "../../db/schema";
import { seedTerms } from "../../db/vocabularies/terms";
import { hashPassword } from "~/auth/password.server";
import { HEALTH_CONSENT_VERSION, PRIVACY_VERSION } from "~/auth/consent-texts";
import { addDays, danishTimeToUtc, localDate } from "~/utils/dates";
import { fillProfile, type ProfileFixture } from "./builders.server";
import { saveOpening, publishOpening, closeOpening } from "~/openings/openings.server";
import { recordActivityDays } from "~/stats/activity.server";

/**
 * The demo municipality generator: a realistic, deterministic jobcenter for
 * the dashboard (same seed + same day → same data). Login habits are drawn so
 * the frequency buckets land near Gentofte's 19/45/31/5 %, about 87 % of the
 * invited publish a profile, and the ledighedsprocent falls from about 21 %
 * to about 9 % over the period (fast at first, as in Gentofte in 2019).
 */
export interface GenerateOptions {
  flexjobbers: number;
  companies: number;
  months: number;
  seed: number;
  /** Keep the newest openings published (off for the small start-up version, so hand-made demos stay on top). */
  liveOpenings?: boolean;
  /** Staff user ids to use as consultants and approvers. */
  staffIds: string[];
}

// mulberry32: small, fast and good enough for demo data.
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    shuffle: <T>(list: T[]): T[] => {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return list;
    },
  };
}

const FIRST = ["Anders", "Birgit", "Carsten", "Dorthe", "Emil", "Fatima", "Gitte", "Henrik", "Ida", "Jens", "Karin", "Lars", "Maja", "Niels", "Oda", "Per", "Rikke", "Søren", "Tina", "Ulla", "Vagn", "Yasmin", "Ahmed", "Bodil", "Claus", "Ditte", "Erik", "Frederik", "Grethe", "Helle", "Inger", "Jonas", "Kim", "Lone", "Mikkel", "Nanna", "Ole", "Pia", "Rasmus", "Susanne", "Thomas", "Vibeke"];
const LAST = ["Andersen", "Bach", "Christensen", "Dam", "Eriksen", "Frandsen", "Gregersen", "Holm", "Iversen", "Juhl", "Kristensen", "Larsen", "Madsen", "Nielsen", "Olsen", "Petersen", "Rasmussen", "Sørensen", "Thomsen", "Vestergaard", "Winther", "Østergaard"];
const COMPANY_WORDS = ["Nord", "Syd", "Øster", "Vester", "Kyst", "Skov", "By", "Havne", "Sol", "Egne"];
const COMPANY_KINDS = ["Bageri", "Kantine", "Lager", "Gartneri", "Regnskab", "Rengøring", "Butik", "Værksted", "IT", "Cykler", "Catering", "Ejendomme"];
const POSTCODES = ["2820", "2900", "2920", "2930", "2800", "2830", "2840", "2860", "2870", "2880", "2100", "2200", "3400", "2730", "2750"];
const DAY = 86_400_000;

export async function generateMunicipality(db: Db, options: GenerateOptions, now = new Date()): Promise<{ citizens: number; companies: number }> {
  const r = prng(options.seed);
  const today = localDate(now);
  const start = addDays(today, -Math.round(options.months * 30.44));
  const spanDays = Math.round((Date.parse(today) - Date.parse(start)) / DAY);
  const dayAt = (offset: number) => addDays(start, Math.max(0, Math.min(spanDays, offset)));
  const instant = (day: string, hour = 10) => danishTimeToUtc(day, `${String(hour).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}`).toISOString();
  const passwordHash = await hashPassword(`demo-${randomBytes(8).toString("hex")}`);
  const staff = options.staffIds;
  const tag = `g${options.seed}`;

  // Companies, each with one user, approved across the first part of the period.
  const companies: { id: number; userId: string }[] = [];
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < options.companies; i++) {
      const name = `${r.pick(COMPANY_WORDS)}${r.pick(COMPANY_KINDS).toLowerCase()} ${i + 1} ApS`;
      const approvedDay = dayAt(r.int(0, Math.round(spanDays * 0.6)));
      const c = await trx
        .insertInto("companies")
        .values({ name, cvr: String(40_000_000 + options.seed * 1000 + i), contactName: `${r.pick(FIRST)} ${r.pick(LAST)}`, contactEmail: `kontakt.${tag}.${i}@virksomhed.example`, contactPhone: null, status: "approved", decisionNote: null, decidedBy: r.pick(staff), decidedAt: instant(approvedDay), createdAt: instant(addDays(approvedDay, -2)) })
        .returning("id")
        .executeTakeFirstOrThrow();
      const userId = randomBytes(15).toString("base64url");
      await trx.insertInto("users").values({ id: userId, email: `bruger.${tag}.${i}@virksomhed.example`, name: `${r.pick(FIRST)} ${r.pick(LAST)}`, phone: null, role: "company", passwordHash, status: "active", companyId: c.id, isCompanyAdmin: 1, consultantId: null, createdAt: instant(approvedDay) }).execute();
      companies.push({ id: c.id, userId });
    }
  });

  // Openings: about 1.5 per company; those posted in the last 6 weeks stay open when asked to.
  const openings: { id: number; companyId: number }[] = [];
  const competences = seedTerms.competence;
  const industries = seedTerms.industry;
  for (const [i, c] of companies.entries()) {
    for (let k = 0; k < (i % 2 === 0 ? 2 : 1); k++) {
      const posted = dayAt(r.int(Math.round(spanDays * 0.1), spanDays));
      const hoursMin = r.int(6, 15);
      const result = await saveOpening(
        db,
        {
          title: `${r.pick(["Medhjælper", "Assistent", "Medarbejder", "Hjælper"])} i ${r.pick(COMPANY_KINDS).toLowerCase()}`,
          description: "Vi søger en stabil kollega på nedsat tid. Vi tager gerne hensyn og aftaler arbejdstiderne sammen.",
          tasks: [r.pick(competences), r.pick(competences)],
          hoursMin,
          hoursMax: hoursMin + r.int(0, 8),
          flexibility: r.pick(["fixed", "flexible", "by_agreement"] as const),
          remote: r.chance(0.1),
          postcode: r.pick(POSTCODES),
          industry: r.pick(industries),
          required: [r.pick(competences)],
          wanted: [r.pick(competences)],
          offers: [r.pick(seedTerms.accommodation), r.pick(seedTerms.accommodation)],
          startDate: undefined,
          deadline: undefined,
        },
        { companyId: c.id, userId: c.userId },
        new Date(instant(posted)),
      );
      if (!result.ok) continue;
      await publishOpening(db, result.id, c.id, new Date(instant(posted)));
      const stillOpen = options.liveOpenings && Date.parse(today) - Date.parse(posted) < 42 * DAY;
      if (!stillOpen) await closeOpening(db, result.id, c.id, new Date(instant(addDays(posted, r.int(14, 40)))));
      openings.push({ id: result.id, companyId: c.id });
    }
  }

  // Citizens: invited across the period (more early on), about 87 % publish a profile.
  interface Citizen { id: string; invitedDay: string; accountDay: string | null; published: boolean }
  const citizens: Citizen[] = [];
  const takenNames = new Set((await db.selectFrom("users").select("name").execute()).map((u) => u.name));
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < options.flexjobbers; i++) {
      let name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
      if (takenNames.has(name)) name = `${name} ${i}`;
      takenNames.add(name);
      const email = `borger.${tag}.${i}@example.dk`;
      // Early invitations dominate: the jobcenter invited its whole group when it started.
      const invitedDay = dayAt(Math.floor(spanDays * Math.pow(r.next(), 2.2)));
      const roll = r.next();
      const accepted = roll < 0.9;
      const published = roll < 0.87;
      const accountDay = accepted ? addDays(invitedDay, r.int(0, 6)) : null;
      const id = randomBytes(15).toString("base64url");
      await trx
        .insertInto("users")
        .values({ id, email, name, phone: `+45 ${r.int(20, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`, role: "flexjobber", passwordHash: accepted ? passwordHash : "", status: accepted ? "active" : "registered", companyId: null, isCompanyAdmin: 0, consultantId: r.pick(staff), createdAt: instant(start, 8) })
        .execute();
      await trx
        .insertInto("invitations")
        .values({ email, name, role: "flexjobber", tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(Date.parse(instant(invitedDay)) + 14 * DAY).toISOString(), usedAt: accountDay ? instant(accountDay, 11) : null, revokedAt: null, invitedBy: r.pick(staff), companyId: null, isCompanyAdmin: 0, consultantId: null, userId: accountDay ? id : null, createdAt: instant(invitedDay, 9) })
        .execute();
      if (accountDay) {
        await trx.insertInto("consents").values({ userId: id, purpose: "privacy_statement", textVersion: PRIVACY_VERSION, givenAt: instant(accountDay, 11), withdrawnAt: null }).execute();
        if (r.chance(0.7)) await trx.insertInto("consents").values({ userId: id, purpose: "health_data", textVersion: HEALTH_CONSENT_VERSION, givenAt: instant(accountDay, 11), withdrawnAt: null }).execute();
      }
      citizens.push({ id, invitedDay, accountDay, published: published && accepted });
    }
  });

  // Profiles for those who published, built with the same functions the pages use.
  for (const c of citizens.filter((x) => x.published)) {
    const publishedDay = addDays(c.accountDay!, r.int(0, 10));
    const hoursMin = r.int(5, 15);
    const fixture: ProfileFixture = {
      headline: `${r.pick(["Stabil", "Omhyggelig", "Rolig", "Glad", "Erfaren"])} ${r.pick(["medarbejder", "kollega", "hjælper"])} med flair for ${r.pick(competences).toLowerCase()}`,
      summary: "Jeg trives med faste opgaver og gode kolleger. Jeg arbejder bedst, når jeg kender dagens plan.",
      competences: r.shuffle([...competences]).slice(0, r.int(2, 5)),
      industries: [r.pick(industries)],
      hours: [hoursMin, hoursMin + r.int(0, 10)],
      postcode: r.pick(POSTCODES),
      maxCommuteKm: r.int(5, 30),
      approvedBy: r.pick(staff),
    };
    await fillProfile(db, c.id, fixture, new Date(instant(publishedDay, 13)));
    if (r.chance(0.06)) await db.updateTable("profiles").set({ hidden: 1 }).where("userId", "=", c.id).execute();
  }

  // Employment: everyone registered from the start (hand-made demo citizens too); about 8 % outside the labour force ("andet").
  const unregistered = await db
    .selectFrom("users as u")
    .select("u.id")
    .where("u.role", "=", "flexjobber")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("employmentStatuses as s").select("s.id").whereRef("s.userId", "=", "u.id"))))
    .orderBy("u.id")
    .execute();
  const everyone = unregistered.map((u) => u.id);
  const labour = r.shuffle([...everyone]);
  const outside = new Set(labour.splice(0, Math.round(labour.length * 0.08)));
  const target = (t: number) => (t <= 0 ? 21 : t < 0.375 ? 21 - (10 * t) / 0.375 : t < 0.5 ? 11 - (2 * (t - 0.375)) / 0.125 : 9 + 0.4 * Math.sin(t * 20));
  const statuses: { userId: string; status: EmploymentStatusValue; fromDate: string; source: "staff" | "platform"; hireId: number | null }[] = [];
  const ledig = new Set(labour.slice(0, Math.round(labour.length * 0.21)));
  const employed = new Set(labour.filter((id) => !ledig.has(id)));
  for (const id of everyone) {
    statuses.push({ userId: id, status: outside.has(id) ? "andet" : ledig.has(id) ? "ledig" : "i_fleksjob", fromDate: start, source: "staff", hireId: null });
  }
  const publishedIds = new Set(citizens.filter((c) => c.published).map((c) => c.id));
  const months = Math.max(1, options.months);
  for (let m = 1; m < months; m++) {
    const monthStart = Math.round((m * spanDays) / months);
    const monthEnd = Math.round(((m + 1) * spanDays) / months) - 1;
    const wanted = Math.round((target(m / (months - 1)) / 100) * labour.length);
    // A little movement both ways every month, then enough hires to reach the target.
    const churn = r.int(0, Math.max(1, Math.round(labour.length * 0.004)));
    for (const id of r.shuffle([...employed]).slice(0, churn)) {
      employed.delete(id);
      ledig.add(id);
      statuses.push({ userId: id, status: "ledig", fromDate: dayAt(r.int(monthStart, monthEnd)), source: "staff", hireId: null });
    }
    const hires = Math.max(0, ledig.size - wanted);
    for (const id of r.shuffle([...ledig]).slice(0, hires)) {
      ledig.delete(id);
      employed.add(id);
      const day = dayAt(r.int(monthStart, monthEnd));
      const viaPlatform = publishedIds.has(id) && r.chance(0.6) && openings.length > 0;
      let hireId: number | null = null;
      if (viaPlatform) hireId = await recordPlatformHire(db, { userId: id, opening: r.pick(openings), day, staffId: r.pick(staff), instant });
      statuses.push({ userId: id, status: "i_fleksjob", fromDate: day, source: viaPlatform ? "platform" : "staff", hireId });
    }
  }
  for (let i = 0; i < statuses.length; i += 400) {
    await db
      .insertInto("employmentStatuses")
      .values(statuses.slice(i, i + 400).map((s) => ({ ...s, recordedBy: r.pick(staff), createdAt: instant(s.fromDate, 15) })))
      .execute();
  }

  await generateActivity(db, r, { today, staff });
  await generateEvents(db, r, { start, spanDays, dayAt, instant, citizens, staff });
  return { citizens: citizens.length, companies: companies.length };
}

/** A company marked the flexjobber "ansat" through an interest, and staff confirmed it. */
async function recordPlatformHire(
  db: Db,
  { userId, opening, day, staffId, instant }: { userId: string; opening: { id: number; companyId: number }; day: string; staffId: string; instant: (day: string, hour?: number) => string },
): Promise<number> {
  const at = instant(addDays(day, -10), 12);
  const interest = await db
    .insertInto("interests")
    .values({ openingId: opening.id, userId, message: null, identityShared: 1, stage: "hired", createdAt: at, updatedAt: instant(day, 9) })
    .onConflict((oc) => oc.columns(["openingId", "userId"]).doUpdateSet({ stage: "hired" }))
    .returning("id")
    .executeTakeFirstOrThrow();
  const hire = await db
    .insertInto("hires")
    .values({ userId, companyId: opening.companyId, openingId: opening.id, interestId: interest.id, markedBy: null, markedAt: instant(day, 9), confirmedBy: staffId, confirmedAt: instant(day, 14), cancelledAt: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("contactRequests")
    .values({ companyId: opening.companyId, profileUserId: userId, sentBy: null, message: "Vi vil gerne tale med dig om et job.", status: "accepted", createdAt: at, answeredAt: at })
    .execute();
  return hire.id;
}

type Rng = ReturnType<typeof prng>;

/**
 * Login habits for every active flexjobber account without activity yet:
 * exactly 19 % daily, 45 % weekly, 31 % every 14 days and 5 % less often,
 * drawn in 7-day blocks and 14-day halves counted back from today.
 */
async function generateActivity(db: Db, r: Rng, { today }: { today: string; staff: string[] }) {
  const accounts = await db
    .selectFrom("users as u")
    .select(["u.id", "u.createdAt", (eb) => eb.selectFrom("invitations as i").select("i.usedAt").whereRef("i.userId", "=", "u.id").where("i.usedAt", "is not", null).limit(1).as("usedAt")])
    .where("u.role", "=", "flexjobber")
    .where("u.status", "=", "active")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("activityDays as a").select("a.userId").whereRef("a.userId", "=", "u.id"))))
    .orderBy("u.id")
    .execute();
  const order = r.shuffle(accounts.map((a) => a));
  const n = order.length;
  const cut = [0.19, 0.64, 0.95].map((p) => Math.round(p * n));
  const rows: { userId: string; day: string }[] = [];
  const logins: { email: string; userId: string; succeeded: number; createdAt: string }[] = [];
  for (const [i, u] of order.entries()) {
    const habit = i < cut[0]! ? "daily" : i < cut[1]! ? "weekly" : i < cut[2]! ? "fortnightly" : "rarely";
    const since = localDate(new Date(u.usedAt ?? u.createdAt));
    const days = new Set<string>();
    for (let back = 0; ; back += habit === "fortnightly" ? 14 : 7) {
      const blockEnd = addDays(today, -back);
      const length = habit === "fortnightly" ? 14 : 7;
      const blockStart = addDays(blockEnd, -(length - 1));
      if (blockEnd < since) break;
      const inBlock = Array.from({ length }, (_, k) => addDays(blockStart, k)).filter((d) => d >= since);
      if (habit === "daily") for (const d of inBlock) if (r.chance(0.93)) days.add(d);
      if (habit === "weekly") for (const d of r.shuffle([...inBlock]).slice(0, r.int(1, 3))) days.add(d);
      if (habit === "fortnightly") for (const d of r.shuffle([...inBlock]).slice(0, 1)) days.add(d);
      if (habit === "rarely" && r.chance(0.2)) days.add(r.pick(inBlock.length ? inBlock : [blockEnd]));
    }
    // "Rarely" must not look fortnightly in the current window: keep at most one recent half.
    if (habit === "rarely") for (const d of [...days]) if (d > addDays(today, -14)) days.delete(d);
    for (const day of days) rows.push({ userId: u.id, day });
    const weekly = [...days].filter((_, k) => k % 5 === 0);
    for (const day of weekly) logins.push({ email: "", userId: u.id, succeeded: 1, createdAt: danishTimeToUtc(day, "09:15").toISOString() });
  }
  await recordActivityDays(db, rows);
  const emails = new Map((await db.selectFrom("users").select(["id", "email"]).where("role", "=", "flexjobber").execute()).map((u) => [u.id, u.email]));
  for (let i = 0; i < logins.length; i += 1000) {
    await db.insertInto("loginEvents").values(logins.slice(i, i + 1000).map((l) => ({ ...l, email: emails.get(l.userId) ?? "" }))).execute();
  }
}

/** A meeting every five weeks or so, with sign-ups and attendance. */
async function generateEvents(
  db: Db,
  r: Rng,
  { spanDays, dayAt, instant, citizens, staff }: { start: string; spanDays: number; dayAt: (o: number) => string; instant: (d: string, h?: number) => string; citizens: { id: string; accountDay: string | null }[]; staff: string[] },
) {
  const withAccount = citizens.filter((c) => c.accountDay).map((c) => c.id);
  for (let offset = 20; offset < spanDays - 3; offset += 35) {
    const day = dayAt(offset);
    const capacity = r.int(12, 25);
    const event = await db
      .insertInto("events")
      .values({ title: r.pick(["Netværksmøde for fleksjobbere", "Morgenkaffe i jobcentret", "Virksomhedsbesøg", "Workshop: Din profil"]), description: "Kom og mød andre fleksjobbere.", startsAt: instant(day, 10), endsAt: instant(day, 12), place: "Jobcentret", onlineUrl: null, audience: "flexjobbers", capacity, signupDeadline: null, cancelledAt: null, createdBy: r.pick(staff), createdAt: instant(addDays(day, -20)), updatedAt: instant(addDays(day, -20)) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const people = r.shuffle([...withAccount]).slice(0, Math.min(capacity, r.int(5, capacity)));
    if (people.length === 0) continue;
    await db
      .insertInto("eventRegistrations")
      .values(people.map((userId) => ({ eventId: event.id, userId, status: "registered" as const, createdAt: instant(addDays(day, -7)), updatedAt: instant(addDays(day, -7)), attended: r.chance(0.8) ? 1 : 0, remindedAt: null })))
      .execute();
  }
}
