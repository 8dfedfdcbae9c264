// Why a target is missed, page by page: what the measurements and the query
// plans showed (docs/decisions/018). A miss with no entry here says so, so a
// new miss is noticed rather than explained away.

export interface Miss {
  page: string;
  engine: "SQLite" | "PostgreSQL" | "both";
  kind: "one" | "ratio" | "ten" | "two" | "statements" | "js" | "html";
  detail: string;
}

const CORES = "Node and the database share the machine's two cores: ten clients make each request wait for the others.";

const REASONS: Record<string, Partial<Record<Miss["kind"], string>>> = {
  "Candidate search (text + filters)": {
    one: "the visibility rule is checked row by row for every text match that passes the filters (about 8,000 for 'lager').",
    ratio: "PostgreSQL walks the same 8,000 text matches with a look-up in profiles, users and consents for each, and each costs more there than in SQLite's in-process B-trees.",
    ten: CORES,
    two: CORES,
  },
  "Job search with match": {
    one: "without text nothing narrows first: the match bound is computed for all of about 16,000 live openings before the best are scored exactly.",
    ratio: "the match bound (strpos over each opening's term set) is computed for every live opening, and PostgreSQL evaluates such expressions more slowly than SQLite.",
    ten: CORES,
    two: CORES,
  },
  "Job search with match and text": { ratio: "the text narrows first, so the fixed cost of a round trip per statement weighs most.", ten: CORES, two: CORES },
  "Candidate page": { ratio: "a light page: the fixed cost of a round trip per statement weighs most.", ten: "the page records that the company viewed the profile, so it runs on the main thread and gains nothing from the reader threads.", two: CORES },
  "Opening with recommended candidates": {
    one: "the match bound is computed for every published profile with at least one of the opening's competences (up to about 25,000).",
    ratio: "as for the job search: the bound over up to 25,000 profiles is an expression PostgreSQL evaluates more slowly.",
    ten: CORES,
    two: CORES,
  },
  Statistik: {
    one: "the login frequency reads one row per flexjobber (50,000) on every view.",
    ratio: "the frequency reads one string per person and year (activity_years) with substr/length: fast in SQLite, slow in PostgreSQL.",
    two: CORES,
  },
  Borgere: { two: CORES, ratio: "the list counts and sorts every citizen on each view; PostgreSQL's sort of 50,000 rows costs more than SQLite's index walk." },
  "Borgere, searched and filtered": { two: CORES, ratio: "as Borgere." },
  Virksomheder: { two: CORES, ratio: "a light page: the fixed cost of a round trip per statement weighs most." },
  "Opfølgning, all citizens": { two: CORES, ratio: "nine lists, each a query with its count; each costs a round trip and PostgreSQL reads the activity ranges more slowly." },
};

export function whyMissed(miss: Miss): string {
  return REASONS[miss.page]?.[miss.kind] ?? "not yet explained (a new miss: look at the query plans).";
}
