// The large municipality `npm run bench` measures against: 50,000
// approved profiles, 20,000 openings, 500 companies and 2,000,000 activity
// days. Written with plain prepared statements in a few transactions, because
// going through the domain functions one citizen at a time would take most of
// an hour; the full-text indexes are then built by the app's own indexer, so
// searches see exactly what the app would have written.
import fs from "node:fs";
import path from "node:path";

import { hashPassword } from "../../app/auth/password.server";
import { prng } from "../../app/demo/random";
import { rebuildSearchIndexes, rebuildSearchIndexesIfStale } from "../../app/schedule/search-indexes.server";
import { weekOf } from "../../app/stats/activity.server";
import { addDays, localDate } from "../../app/utils/dates";
import { openDatabase } from "../../db/kysely";
import { prepareDatabase } from "../../db/prepare";
import { POSTCODE_ROWS } from "../../db/vocabularies/postcode-data";
import { normalizeTerm, seedTerms } from "../../db/vocabularies/terms";

export const SIZE = { profiles: 50_000, openings: 20_000, companies: 500, activityDays: 2_000_000 };
/** Bump when what the builder writes changes: an older file is built again. */
const DATASET_VERSION = "4";
export const BENCH_PASSWORD = "bench-password";
export const BENCH_LOGINS = { staff: "staff@bench.test", company: "firma1@bench.test", flexjobber: "fleks1@bench.test" } as const;

export interface Dataset {
  file: string;
  built: boolean;
  seconds: number;
}

/** Opens the dataset at `file`, building it first when it is missing or from an older builder. */
export async function ensureDataset(file: string, log: (line: string) => void): Promise<Dataset> {
  if (fs.existsSync(file) && readVersion(file) === DATASET_VERSION) {
    // Reused: brought up to this code's schema and search indexes, as the server would on start.
    const { db } = openDatabase(file);
    await prepareDatabase(db);
    await rebuildSearchIndexesIfStale(db);
    await db.destroy();
    return { file, built: false, seconds: 0 };
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const t0 = performance.now();
  await build(file, log);
  return { file, built: true, seconds: (performance.now() - t0) / 1000 };
}

function readVersion(file: string): string | null {
  const { sqlite } = openDatabase(file);
  try {
    const row = sqlite.prepare("select value from settings where key = 'bench_dataset_version'").get() as { value: string } | undefined;
    return row?.value ?? null;
  } catch {
    return null;
  } finally {
    sqlite.close();
  }
}

async function build(file: string, log: (line: string) => void) {
  const { db, sqlite } = openDatabase(file);
  await prepareDatabase(db);
  const rng = prng(16);
  const now = new Date();
  const today = localDate(now);
  const iso = (day: string) => `${day}T09:00:00.000Z`;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  // Copenhagen and its neighbours: a large municipality's citizens and employers live close.
  const postcodes = POSTCODE_ROWS.filter(([code]) => code < 3000).map(([code, , lat, lng]) => ({ code: String(code), lat, lng }));
  const competences = seedTerms.competence;
  const certificates = seedTerms.certificate;
  const industries = seedTerms.industry;
  const accommodations = seedTerms.accommodation;
  const term = (kind: string, label: string) =>
    (sqlite.prepare("select id from vocabulary_terms where kind = ? and normalized = ?").get(kind, normalizeTerm(label)) as { id: number } | undefined)?.id ?? null;
  const termIds = new Map<string, number | null>();
  const termId = (kind: string, label: string) => {
    const key = `${kind}:${label}`;
    if (!termIds.has(key)) termIds.set(key, term(kind, label));
    return termIds.get(key)!;
  };
  // Some of a list, in random order (each term about equally common).
  const pickSome = <T>(list: readonly T[], min: number, max: number) => rng.shuffle([...list]).slice(0, rng.int(min, max));

  const insert = {
    user: sqlite.prepare("insert into users (id, email, name, role, password_hash, status, company_id, is_company_admin, created_at) values (?, ?, ?, ?, ?, 'active', ?, ?, ?)"),
    company: sqlite.prepare("insert into companies (id, name, cvr, contact_name, contact_email, status, decided_at, created_at) values (?, ?, ?, ?, ?, 'approved', ?, ?)"),
    invitation: sqlite.prepare("insert into invitations (email, name, role, token_hash, expires_at, used_at, user_id, created_at) values (?, ?, 'flexjobber', ?, ?, ?, ?, ?)"),
    profile: sqlite.prepare(
      `insert into profiles (user_id, alias, headline, summary, birth_date, hours_min, hours_max, postcode, lat, lng, max_commute_km, availability, status, submitted_at, approved_at, first_published_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'approved', ?, ?, ?, ?, ?)`,
    ),
    profileTerm: sqlite.prepare("insert or ignore into profile_terms (user_id, kind, term_id, label, normalized, created_at) values (?, ?, ?, ?, ?, ?)"),
    accommodation: sqlite.prepare("insert or ignore into accommodations (user_id, term_id, label, normalized, visible_to_companies, created_at) values (?, ?, ?, ?, ?, ?)"),
    consent: sqlite.prepare("insert into consents (user_id, purpose, text_version, given_at) values (?, ?, '1', ?)"),
    status: sqlite.prepare("insert into employment_statuses (user_id, status, from_date, source, created_at) values (?, ?, ?, 'staff', ?)"),
    opening: sqlite.prepare(
      `insert into openings (id, company_id, title, description, tasks, hours_min, hours_max, flexibility, postcode, lat, lng, remote, industry, deadline, status, created_at, updated_at, published_at, closed_at)
       values (?, ?, ?, ?, '[]', ?, ?, 'flexible', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    openingTerm: sqlite.prepare("insert or ignore into opening_terms (opening_id, kind, label, normalized) values (?, ?, ?, ?)"),
    activityDay: sqlite.prepare("insert or ignore into activity_days (user_id, day) values (?, ?)"),
    activityWeek: sqlite.prepare("insert or ignore into activity_weeks (week, user_id) values (?, ?)"),
  };

  log("  companies and staff …");
  sqlite.transaction(() => {
    insert.user.run("bench-staff", BENCH_LOGINS.staff, "Bench Rådgiver", "staff", passwordHash, null, 0, iso(addDays(today, -2000)));
    for (let c = 1; c <= SIZE.companies; c++) {
      const created = iso(addDays(today, -rng.int(30, 1800)));
      insert.company.run(c, `Virksomhed ${c} ApS`, String(10_000_000 + c), `Kontakt ${c}`, `kontakt${c}@bench.test`, created, created);
      insert.user.run(`bench-company-${c}`, `firma${c}@bench.test`, `Medarbejder ${c}`, "company", passwordHash, c, 1, created);
    }
  })();

  log(`  ${SIZE.profiles.toLocaleString("en")} flexjobbers with profiles …`);
  const flexIds: string[] = [];
  sqlite.transaction(() => {
    for (let n = 1; n <= SIZE.profiles; n++) {
      const id = `bench-flex-${n}`;
      flexIds.push(id);
      const invited = addDays(today, -rng.int(40, 1800));
      const joined = addDays(invited, rng.int(0, 20));
      const approved = addDays(joined, rng.int(1, 15));
      insert.user.run(id, `fleks${n}@bench.test`, `Fleksjobber ${n}`, "flexjobber", passwordHash, null, 0, iso(joined));
      insert.invitation.run(`fleks${n}@bench.test`, `Fleksjobber ${n}`, `bench-token-${n}`, iso(addDays(invited, 14)), iso(joined), id, iso(invited));
      const place = rng.pick(postcodes);
      const hoursMin = rng.int(5, 20);
      const mine = pickSome(competences, 2, 8);
      const wantedIndustries = pickSome(industries, 0, 2);
      insert.profile.run(
        id,
        `Fleksjobber B${n.toString(36).toUpperCase()}`,
        `${mine[0]} og ${mine[1]}`.toLowerCase().replace(/^./, (c) => c.toUpperCase()),
        `Jeg har erfaring med ${mine.join(", ").toLowerCase()} og søger et fleksjob med faste rammer.`,
        `${1960 + rng.int(0, 40)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
        hoursMin,
        hoursMin + rng.int(0, 12),
        place.code,
        place.lat,
        place.lng,
        rng.pick([5, 10, 15, 25, 40]),
        rng.pick(["seeking", "seeking", "open_to_change", "not_seeking"]),
        iso(joined),
        iso(approved),
        iso(approved),
        iso(joined),
        iso(approved),
      );
      for (const label of mine) insert.profileTerm.run(id, "competence", termId("competence", label), label, normalizeTerm(label), iso(joined));
      for (const label of pickSome(certificates, 0, 2)) insert.profileTerm.run(id, "certificate", termId("certificate", label), label, normalizeTerm(label), iso(joined));
      for (const label of wantedIndustries) insert.profileTerm.run(id, "industry", termId("industry", label), label, normalizeTerm(label), iso(joined));
      const health = rng.chance(0.6);
      for (const label of pickSome(accommodations, 0, 3)) {
        insert.accommodation.run(id, termId("accommodation", label), label, normalizeTerm(label), health && rng.chance(0.7) ? 1 : 0, iso(joined));
      }
      insert.consent.run(id, "privacy_statement", iso(joined));
      insert.consent.run(id, "profile_sharing", iso(approved));
      if (health) insert.consent.run(id, "health_data", iso(joined));
      insert.status.run(id, "ledig", joined, iso(joined));
      if (rng.chance(0.4)) insert.status.run(id, "i_fleksjob", addDays(joined, rng.int(30, 600)), iso(joined));
    }
  })();

  log(`  ${SIZE.openings.toLocaleString("en")} openings …`);
  sqlite.transaction(() => {
    for (let o = 1; o <= SIZE.openings; o++) {
      const company = rng.int(1, SIZE.companies);
      // Four in five are live (some with a deadline ahead), the rest closed.
      const live = rng.chance(0.8);
      const published = addDays(today, -(live ? rng.int(0, 365) : rng.int(100, 1500)));
      const place = rng.pick(postcodes);
      const industry = rng.pick(industries);
      const hoursMin = rng.int(8, 25);
      const required = pickSome(competences, 1, 3);
      const wanted = pickSome(competences, 0, 3).filter((t) => !required.includes(t));
      insert.opening.run(
        o,
        company,
        `${required[0]} i ${industry.toLowerCase()}`,
        `Vi søger en kollega til ${required.join(", ").toLowerCase()}. Rolige rammer og fleksible timer.`,
        hoursMin,
        hoursMin + rng.int(0, 10),
        place.code,
        place.lat,
        place.lng,
        rng.chance(0.1) ? 1 : 0,
        industry,
        live ? (rng.chance(0.5) ? addDays(today, rng.int(1, 90)) : null) : addDays(published, 30),
        live ? "published" : "closed",
        iso(published),
        iso(published),
        iso(published),
        live ? null : iso(addDays(published, 31)),
      );
      for (const label of required) insert.openingTerm.run(o, "required", label, normalizeTerm(label));
      for (const label of wanted) insert.openingTerm.run(o, "wanted", label, normalizeTerm(label));
      for (const label of pickSome(accommodations, 0, 4)) insert.openingTerm.run(o, "accommodation", label, normalizeTerm(label));
    }
  })();

  log(`  ${SIZE.activityDays.toLocaleString("en")} activity days …`);
  // Habits differ: a fifth log in most days, most now and then (METRICS.md frequency buckets).
  let written = 0;
  sqlite.transaction(() => {
    for (const [i, id] of flexIds.entries()) {
      const target = Math.round((SIZE.activityDays - written) / (flexIds.length - i));
      const span = Math.min(700, Math.max(target, Math.round(target * (rng.chance(0.2) ? 1.2 : 4))));
      const days = new Set<number>();
      while (days.size < target) days.add(rng.int(0, span - 1));
      for (const back of days) {
        const day = addDays(today, -back);
        insert.activityDay.run(id, day);
        insert.activityWeek.run(weekOf(day), id);
      }
      written += target;
    }
  })();

  log("  search index …");
  await rebuildSearchIndexes(db);
  sqlite.prepare("insert or replace into settings (key, value) values ('bench_dataset_version', ?)").run(DATASET_VERSION);
  sqlite.exec("analyze");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  await db.destroy();
}
