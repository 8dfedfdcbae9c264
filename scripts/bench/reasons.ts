// Why a target is missed, page by page: what the measurements and the query
// plans showed (docs/decisions/018). A miss with no entry here says so, so a
// new miss is noticed rather than explained away.

export interface Miss {
  page: string;
  engine: "SQLite" | "PostgreSQL" | "both";
  kind: "one" | "ratio" | "ten" | "two" | "statements" | "js" | "html";
  detail: string;
}

const TEN_SQLITE =
  "ten concurrent requests share two cores: requests per second nearly double over one client (the reader threads), but each request waits for the others, about five times as long as alone.";
const TWO_PROCESSES =
  "the page is bound by PostgreSQL's CPU, and PostgreSQL, both app processes and the load generator share the same two cores; a second process only adds processes competing for them. It pays on a machine with more cores or a database server of its own.";
const ROUND_TRIPS = "a light page whose few statements each cost a round trip to another process (about 1 ms each here) where SQLite answers in-process in microseconds.";

const REASONS: Record<string, Partial<Record<Miss["kind"], string>>> = {
  "Candidate search (text + filters)": {
    one: "every text match that passes the filters (about 7,400 of 8,000 for 'lager') is checked against the visibility rule row by row (profile, account, consent, block) and counted for the true total; SQLite spends about 33 ms there, PostgreSQL about 115 ms, plus ts_rank over all 8,000 matches.",
    ratio: "PostgreSQL's per-row look-ups and ts_rank cost about 3–4 × SQLite's in-process B-tree reads; the text is already found first (decision 018).",
    ten: TEN_SQLITE,
    two: TWO_PROCESSES,
  },
  "Job search with match": {
    one: "without text nothing narrows first: the match bound is computed for all of about 16,000 live openings before the best are scored exactly.",
    ten: TEN_SQLITE,
    two: TWO_PROCESSES,
  },
  "Job search with match and text": {
    one: "the page sends the text query twice (the count and the ranking) and on PostgreSQL each finds the 2,600 text matches in the GIN index and scores them (about 20 ms each); SQLite's FTS5 does the same in 4 ms.",
    ratio: "as above: two text queries of about 20 ms on PostgreSQL against 4 ms on SQLite.",
    two: TWO_PROCESSES,
  },
  "Candidate page": { ratio: ROUND_TRIPS, two: TWO_PROCESSES },
  "Opening with recommended candidates": {
    one: "the match bound is computed for every published profile with at least one of the opening's competences (up to about 25,000) before the best are scored exactly.",
    ratio: "the bound over up to 25,000 profiles is an expression of string searches (strpos) that PostgreSQL evaluates about twice as slowly as SQLite.",
    ten: TEN_SQLITE,
    two: TWO_PROCESSES,
  },
  Statistik: {
    one: "the login frequency reads one string of activity per flexjobber (50,000) and counts four blocks in each with substr/replace/length: about 100 ms on SQLite and 300 ms on PostgreSQL, whose text functions cost more per call (decision 018: a roll-up of block counts would fix it).",
    ratio: "the same frequency query: PostgreSQL's text functions are about 3 × slower per call than SQLite's.",
    two: TWO_PROCESSES,
  },
  Borgere: { two: TWO_PROCESSES },
  "Borgere, searched and filtered": {
    ratio: "the search reads every citizen's name and email with a LIKE and sorts by last login: a scan of 50,000 users that PostgreSQL does about 1.5 × slower.",
    two: TWO_PROCESSES,
  },
  Virksomheder: { ratio: ROUND_TRIPS, two: TWO_PROCESSES },
  "Opfølgning, all citizens": {
    one: "nine lists, each a query with its count, and the quiet-openings list counts every live opening without an interest (about 15,000 in this dataset, which has no interests or requests); runs vary between 60 and 110 ms p95 here.",
    ratio:
      "fifteen statements, several of which count thousands of rows (the quiet openings, the quiet citizens' activity ranges): PostgreSQL counts them about twice as slowly, and each statement is a round trip.",
    two: TWO_PROCESSES,
  },
};

export function whyMissed(miss: Miss): string {
  return REASONS[miss.page]?.[miss.kind] ?? "not yet explained (a new miss: look at the query plans).";
}
