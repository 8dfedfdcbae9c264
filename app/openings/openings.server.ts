import { sql } from "kysely";

import { openingForMatching } from "~/matching/adapters";
import { openingMatchTerms } from "~/matching/match-terms";
import type { Term } from "~/matching/score";
import { announceNews } from "~/ops/news.server";
import { hoursNumber, hoursText } from "~/profiles/options";
import { isVisibleFlexjobber } from "~/profiles/visibility.server";
import { indexOpeningText } from "~/search/text-index.server";
import { localDate } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms.server";
import { paginate } from "~/utils/paging";
import { listTerms } from "~/vocabularies/vocabularies.server";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import { portableSql } from "../../db/portable";
import type { Opening, OpeningTermKind } from "../../db/schema";
import { findPostcode } from "../../db/vocabularies/postcodes";
import { normalizeTerm } from "../../db/vocabularies/terms";
import type { OpeningInput } from "./schemas";

export interface OpeningDetails {
  opening: Opening;
  companyName: string;
  tasks: string[];
  required: Term[];
  wanted: Term[];
  offers: Term[];
}

/** Published and not past the deadline: the only openings flexjobbers ever see. */
export function liveOpenings(db: Db, now = new Date()) {
  const today = localDate(now);
  return (
    db
      .selectFrom("openings as o")
      .where("o.status", "=", "published")
      .where((eb) => eb.or([eb("o.deadline", "is", null), eb("o.deadline", ">=", today)]))
      // A suspended company's openings disappear with it.
      .where((eb) => eb.exists(eb.selectFrom("companies as co").select("co.id").whereRef("co.id", "=", "o.companyId").where("co.status", "=", "approved")))
  );
}

/**
 * Published openings whose deadline has passed become closed: the hourly
 * reminders job, whose midnight run comes a minute after the deadline (no
 * search shows an opening past its deadline meanwhile: liveOpenings). A read
 * first: no write lock unless there is something to close.
 */
export async function closeExpiredOpenings(db: Db, now = new Date()): Promise<number> {
  const due = await db.selectFrom("openings").select("id").where("status", "=", "published").where("deadline", "<", localDate(now)).limit(1).executeTakeFirst();
  if (!due) return 0;
  const result = await db
    .updateTable("openings")
    .set({ status: "closed", closedAt: now.toISOString() })
    .where("status", "=", "published")
    .where("deadline", "<", localDate(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function loadOpenings(db: Db, ids: number[]): Promise<Map<number, OpeningDetails>> {
  const out = new Map<number, OpeningDetails>();
  if (ids.length === 0) return out;
  // One statement: the openings with their terms as JSON (a job page shows twenty).
  const t = (column: string) => sql.ref(`t.${column}`);
  const rows = await db
    .selectFrom("openings as o")
    .innerJoin("companies as c", "c.id", "o.companyId")
    .selectAll("o")
    .select("c.name as companyName")
    .select(
      portableSql(db)
        .jsonRows({ kind: t("kind"), label: t("label"), normalized: t("normalized") }, sql`from opening_terms as t where ${t("openingId")} = ${sql.ref("o.id")}`, t("id"))
        .as("termsJson"),
    )
    .where("o.id", "in", ids)
    .execute();
  for (const { companyName, termsJson, ...opening } of rows) {
    const d: OpeningDetails = { opening, companyName, tasks: parseList(opening.tasks), required: [], wanted: [], offers: [] };
    for (const term of JSON.parse(termsJson) as { kind: string; label: string; normalized: string }[]) {
      const list = term.kind === "required" ? d.required : term.kind === "wanted" ? d.wanted : d.offers;
      list.push({ label: term.label, normalized: term.normalized });
    }
    out.set(opening.id, d);
  }
  return out;
}

export async function loadOpening(db: Db, id: number): Promise<OpeningDetails | null> {
  return (await loadOpenings(db, [id])).get(id) ?? null;
}

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/**
 * A company's own opening. Another company's opening (draft or not) is
 * "forbidden": the route answers 403, so ids can't be probed for drafts.
 */
export async function getCompanyOpening(db: Db, id: number, companyId: number): Promise<OpeningDetails | "not_found" | "forbidden"> {
  const details = await loadOpening(db, id);
  if (!details) return "not_found";
  return details.opening.companyId === companyId ? details : "forbidden";
}

type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/** Creates (as a draft) or updates an opening. Terms must come from the shared vocabularies. */
export async function saveOpening(
  db: Db,
  input: OpeningInput,
  { companyId, userId, openingId }: { companyId: number; userId: string; openingId?: number },
  now = new Date(),
): Promise<SaveResult> {
  const errors: FieldErrors = {};
  const place = input.postcode ? findPostcode(input.postcode) : null;
  if (input.postcode && !place) errors.postcode = "Vi kender ikke det postnummer. Tjek de 4 cifre.";
  const [industry, required, wanted, offers] = await Promise.all([
    vocabularyTerms(db, "industry", [input.industry]),
    vocabularyTerms(db, "competence", input.required),
    vocabularyTerms(db, "competence", input.wanted),
    vocabularyTerms(db, "accommodation", input.offers),
  ]);
  if (industry.unknown.length > 0 || !industry.terms[0]) errors.industry = "Vælg en branche fra listen.";
  if (required.unknown.length + wanted.unknown.length > 0) errors.required = "Vælg kompetencer fra listen.";
  if (offers.unknown.length > 0) errors.offers = "Vælg fra listen.";
  if (input.deadline && input.deadline < localDate(now)) errors.deadline = "Fristen er allerede overskredet. Vælg en senere dato.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const at = now.toISOString();
  const values = {
    title: input.title,
    description: input.description,
    tasks: JSON.stringify(input.tasks),
    hoursMin: input.hoursMin,
    hoursMax: input.hoursMax,
    flexibility: input.flexibility,
    postcode: place?.code ?? null,
    lat: place?.lat ?? null,
    lng: place?.lng ?? null,
    remote: input.remote ? 1 : 0,
    industry: industry.terms[0]!.label,
    startDate: input.startDate ?? null,
    deadline: input.deadline ?? null,
    updatedAt: at,
  };
  const id = await inTransaction(db, async (trx) => {
    let openingId_: number;
    if (openingId === undefined) {
      const row = await trx
        .insertInto("openings")
        .values({ ...values, companyId, status: "draft", createdBy: userId, createdAt: at, publishedAt: null, closedAt: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      openingId_ = row.id;
    } else {
      await trx.updateTable("openings").set(values).where("id", "=", openingId).where("companyId", "=", companyId).execute();
      openingId_ = openingId;
    }
    await trx.deleteFrom("openingTerms").where("openingId", "=", openingId_).execute();
    // A competence both required and wanted counts as required.
    const requiredSet = new Set(required.terms.map((t) => t.normalized));
    const rows = [
      ...required.terms.map((t) => ({ kind: "required" as OpeningTermKind, ...t })),
      ...wanted.terms.filter((t) => !requiredSet.has(t.normalized)).map((t) => ({ kind: "wanted" as OpeningTermKind, ...t })),
      ...offers.terms.map((t) => ({ kind: "accommodation" as OpeningTermKind, ...t })),
    ];
    if (rows.length > 0)
      await trx
        .insertInto("openingTerms")
        .values(rows.map((r) => ({ openingId: openingId_, ...r })))
        .execute();
    await indexOpening(trx, openingId_);
    return openingId_;
  });
  return { ok: true, id };
}

async function vocabularyTerms(db: Db, kind: "industry" | "competence" | "accommodation", labels: string[]) {
  const wanted = [...new Set(labels.map(normalizeTerm))];
  if (wanted.length === 0) return { terms: [] as Term[], unknown: [] as string[] };
  const rows = await db.selectFrom("vocabularyTerms").select(["label", "normalized"]).where("kind", "=", kind).where("active", "=", 1).where("normalized", "in", wanted).execute();
  const found = new Set(rows.map((r) => r.normalized));
  return { terms: rows, unknown: wanted.filter((w) => !found.has(w)) };
}

/** Writes every opening's search document and match terms again (the search area's rebuild); returns how many. */
export async function indexAllOpenings(trx: Db): Promise<number> {
  const openings = await trx.selectFrom("openings").select("id").execute();
  for (const { id } of openings) await indexOpening(trx, id);
  return openings.length;
}

/** Rewrites the opening's search document and match terms (same transaction as the change). */
export async function indexOpening(trx: Db, id: number): Promise<void> {
  const d = await loadOpening(trx, id);
  if (!d) return indexOpeningText(trx, id, null);
  await trx
    .updateTable("openings")
    .set(openingMatchTerms(openingForMatching(d)))
    .where("id", "=", id)
    .execute();
  const body = [
    d.opening.title,
    d.opening.description,
    ...d.tasks,
    d.opening.industry,
    d.companyName,
    ...d.required.map((t) => t.label),
    ...d.wanted.map((t) => t.label),
    ...d.offers.map((t) => t.label),
  ].join("\n");
  await indexOpeningText(trx, id, body);
}

export type StatusChange = "ok" | "deadline_passed" | "not_allowed";

export async function publishOpening(db: Db, id: number, companyId: number, now = new Date()): Promise<StatusChange> {
  const row = await db.selectFrom("openings").select(["status", "deadline"]).where("id", "=", id).where("companyId", "=", companyId).executeTakeFirst();
  if (!row || row.status === "published") return "not_allowed";
  if (row.deadline && row.deadline < localDate(now)) return "deadline_passed";
  await db.updateTable("openings").set({ status: "published", publishedAt: now.toISOString(), closedAt: null, updatedAt: now.toISOString() }).where("id", "=", id).execute();
  announceNews("opening"); // saved searches and recommendations look soon
  return "ok";
}

export async function closeOpening(db: Db, id: number, companyId: number, now = new Date()): Promise<StatusChange> {
  const result = await db
    .updateTable("openings")
    .set({ status: "closed", closedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where("id", "=", id)
    .where("companyId", "=", companyId)
    .where("status", "=", "published")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? "ok" : "not_allowed";
}

/**
 * "Forlæng fristen" (from the deadline reminder): a published opening gets a
 * later deadline and stays in search; the new deadline gets its own reminder.
 */
export async function extendDeadline(db: Db, input: { id: number; companyId: number; deadline: string }, now = new Date()): Promise<"ok" | "not_later" | "not_allowed"> {
  const row = await db.selectFrom("openings").select(["status", "deadline"]).where("id", "=", input.id).where("companyId", "=", input.companyId).executeTakeFirst();
  if (!row || row.status !== "published" || row.deadline === null) return "not_allowed";
  if (input.deadline <= row.deadline || input.deadline < localDate(now)) return "not_later";
  await db.updateTable("openings").set({ deadline: input.deadline, updatedAt: now.toISOString() }).where("id", "=", input.id).execute();
  return "ok";
}

/** A new draft with the same content ("Kopi af …"), e.g. to post a similar job again. */
export async function copyOpening(db: Db, id: number, companyId: number, userId: string, now = new Date()): Promise<number | null> {
  const d = await loadOpening(db, id);
  if (!d || d.opening.companyId !== companyId) return null;
  const o = d.opening;
  const result = await saveOpening(
    db,
    {
      title: `Kopi af ${o.title}`.slice(0, 120),
      description: o.description,
      tasks: d.tasks,
      hoursMin: o.hoursMin,
      hoursMax: o.hoursMax,
      flexibility: o.flexibility,
      remote: o.remote === 1,
      postcode: o.postcode ?? undefined,
      industry: o.industry,
      required: d.required.map((t) => t.label),
      wanted: d.wanted.map((t) => t.label),
      offers: d.offers.map((t) => t.label),
      startDate: undefined,
      deadline: undefined,
    },
    { companyId, userId },
    now,
  );
  return result.ok ? result.id : null;
}

/** The company's published openings, for "Hvilket job handler det om?" on a contact request. */
export async function publishedOpeningChoices(db: Db, companyId: number): Promise<{ id: number; title: string }[]> {
  return db.selectFrom("openings").select(["id", "title"]).where("companyId", "=", companyId).where("status", "=", "published").orderBy("publishedAt", "desc").execute();
}

/** The company's openings with how many said interested (and how many are new), a page at a time, latest change first. */
export async function listCompanyOpenings(db: Db, companyId: number, page = 1) {
  const own = db.selectFrom("openings as o").where("o.companyId", "=", companyId);
  return paginate(
    async () => (await own.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
    (limit, offset) =>
      own
        // Counted as the opening page lists them: not taken back, and from flexjobbers the
        // company may see (the one visibility rule: not paused, not erased, not blocking it).
        .leftJoin("interests as i", (join) =>
          join
            .onRef("i.openingId", "=", "o.id")
            .on("i.withdrawnAt", "is", null)
            .on(isVisibleFlexjobber(db, "i.userId", companyId)),
        )
        .select((eb) => [
          "o.id",
          "o.title",
          "o.status",
          "o.deadline",
          "o.updatedAt",
          eb.fn.count<number>("i.id").as("interests"),
          eb.fn.sum<number>(eb.case().when("i.stage", "=", "new").then(1).else(0).end()).as("newInterests"),
        ])
        .groupBy("o.id")
        .orderBy("o.updatedAt", "desc")
        .orderBy("o.id", "desc")
        .limit(limit)
        .offset(offset)
        .execute(),
    page,
  );
}

/** The words the opening form offers, from the shared vocabularies. */
export async function openingVocabulary(db: Db) {
  const [competences, industries, accommodations] = await Promise.all([listTerms(db, "competence"), listTerms(db, "industry"), listTerms(db, "accommodation")]);
  return {
    competences: competences.map((t) => t.label),
    industries: industries.map((t) => t.label),
    accommodations: accommodations.map((t) => t.label),
  };
}

/** What OpeningView shows. */
export function openingViewData(d: OpeningDetails, place: string) {
  const o = d.opening;
  return {
    title: o.title,
    companyName: d.companyName,
    description: o.description,
    tasks: d.tasks,
    hours: hoursText(o.hoursMin, o.hoursMax) ?? "",
    place,
    flexibility: o.flexibility,
    industry: o.industry,
    required: d.required.map((t) => t.label),
    wanted: d.wanted.map((t) => t.label),
    offers: d.offers.map((t) => t.label),
    startDate: o.startDate,
    deadline: o.deadline,
  };
}

/** An opening's stored values in the shape of the edit form. */
export function openingFormValues(d: OpeningDetails) {
  const o = d.opening;
  return {
    title: o.title,
    description: o.description,
    tasks: d.tasks.join("\n"),
    hoursMin: hoursNumber(o.hoursMin),
    hoursMax: hoursNumber(o.hoursMax),
    flexibility: o.flexibility,
    remote: o.remote === 1,
    postcode: o.postcode ?? "",
    industry: o.industry,
    required: d.required.map((t) => t.label),
    wanted: d.wanted.map((t) => t.label),
    offers: d.offers.map((t) => t.label),
    startDate: o.startDate ?? "",
    deadline: o.deadline ?? "",
  };
}
