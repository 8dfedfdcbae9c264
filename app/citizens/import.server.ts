import { parse } from "csv-parse/sync";
import * as z from "zod";

import { normalizeEmail } from "~/auth/login.server";
import { FIRST_DAY, isCalendarDay, LAST_DAY, localDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { EmploymentStatusValue } from "../../db/schema";
import { registerCitizen } from "./citizens.server";
import { STATUS_WORDS } from "./options";

// Importing citizens from a spreadsheet: name, email, status, from-date.
// The preview lists each row's problems in Danish; nothing is imported until
// every row is valid, and then all rows go in one transaction.

export interface ImportRow {
  line: number;
  name: string;
  email: string;
  status: EmploymentStatusValue | null;
  fromDate: string | null;
  problems: string[];
}

export type ImportPreview = { rows: ImportRow[]; fileProblem: string | null };

const HEADERS: Record<string, "name" | "email" | "status" | "fromDate"> = {
  navn: "name",
  name: "name",
  "e-mail": "email",
  email: "email",
  mail: "email",
  status: "status",
  "fra-dato": "fromDate",
  fradato: "fromDate",
  "fra dato": "fromDate",
  fra: "fromDate",
  dato: "fromDate",
};

const emailCheck = z.string().email();

/** "24-03-2025", "24.03.2025", "24/3/2025" or "2025-03-24" → "2025-03-24". */
function parseDay(raw: string): string | null {
  const t = raw.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dk) [d, m, y] = [Number(dk[1]), Number(dk[2]), Number(dk[3])];
  else return null;
  const day = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isCalendarDay(day) && day >= FIRST_DAY && day <= LAST_DAY ? day : null;
}

export async function previewImport(db: Db, csv: string, now = new Date()): Promise<ImportPreview> {
  const text = csv.replace(/^\uFEFF/, "");
  if (!text.trim()) return { rows: [], fileProblem: "Filen er tom." };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    return { rows: [], fileProblem: "Filen kan ikke læses som CSV. Gem den som CSV (semikolon-separeret) og prøv igen." };
  }
  const header = (records[0] ?? []).map((h) => HEADERS[h.trim().toLocaleLowerCase("da-DK")]);
  const col = (key: "name" | "email" | "status" | "fromDate") => header.indexOf(key);
  const missing = (["name", "email", "status", "fromDate"] as const).filter((k) => col(k) < 0);
  if (missing.length > 0) {
    return { rows: [], fileProblem: "Første linje skal være overskrifterne: navn; e-mail; status; fra-dato." };
  }
  if (records.length > 5001) return { rows: [], fileProblem: "Højst 5.000 borgere ad gangen." };

  const today = localDate(now);
  const seen = new Map<string, number>();
  const rows: ImportRow[] = records.slice(1).map((r, i) => {
    const line = i + 2;
    const name = (r[col("name")] ?? "").trim();
    const email = normalizeEmail(r[col("email")] ?? "");
    const statusWord = (r[col("status")] ?? "").trim().toLocaleLowerCase("da-DK");
    const status = STATUS_WORDS[statusWord] ?? null;
    const fromDate = parseDay(r[col("fromDate")] ?? "");
    const problems: string[] = [];
    if (!name) problems.push("Navn mangler.");
    else if (name.length > 200) problems.push("Navnet er for langt.");
    if (!email) problems.push("E-mail mangler.");
    else if (!emailCheck.safeParse(email).success) problems.push(`"${email}" er ikke en gyldig e-mail.`);
    else if (seen.has(email)) problems.push(`Samme e-mail som linje ${seen.get(email)}.`);
    if (!status) problems.push(statusWord ? `Ukendt status "${statusWord}". Brug ledig, i fleksjob eller andet.` : "Status mangler.");
    if (!fromDate) problems.push("Fra-dato mangler eller er ikke en dato (dd-mm-åååå).");
    else if (fromDate > today) problems.push("Fra-datoen ligger i fremtiden.");
    if (email) seen.set(email, seen.get(email) ?? line);
    return { line, name, email, status, fromDate, problems };
  });
  if (rows.length === 0) return { rows, fileProblem: "Filen har ingen borgere under overskrifterne." };

  const emails = rows.map((r) => r.email).filter(Boolean);
  const existing = new Set(emails.length === 0 ? [] : (await db.selectFrom("users").select("email").where("email", "in", emails).execute()).map((u) => u.email));
  for (const row of rows) if (existing.has(row.email)) row.problems.push("Der findes allerede en borger eller bruger med denne e-mail.");
  return { rows, fileProblem: null };
}

export type ImportResult = { imported: number } | { preview: ImportPreview };

/** Imports only when every row is valid; otherwise returns the preview with the problems. */
export async function importCitizens(db: Db, csv: string, staffId: string, now = new Date()): Promise<ImportResult> {
  const preview = await previewImport(db, csv, now);
  if (preview.fileProblem || preview.rows.some((r) => r.problems.length > 0)) return { preview };
  await inTransaction(db, async (trx) => {
    for (const r of preview.rows) {
      const result = await registerCitizen(trx, { name: r.name, email: r.email, staffId, status: r.status!, fromDate: r.fromDate! }, now);
      if (result === "exists") throw new Error(`import: ${r.email} appeared while importing`);
    }
  });
  return { imported: preview.rows.length };
}
