import { describe, expect, it } from "vitest";

import { ensureProfile } from "~/profiles/profile.server";
import { indexOpeningText, indexProfileText, openingTextMatches, profileTextMatches } from "~/search/text-index.server";

import { db } from "../db/client.server";
import { createCompany, createOpening } from "./factories";

// Search means the same on SQLite and PostgreSQL. The same fixed
// documents and the same table of Danish queries, with the hits worked out by
// hand from the one rule (words as the app reads them, each query word a
// prefix of a document word, all must match, no stemming). CI runs this file
// on both databases, so both give exactly these hits.

const DOCUMENTS: Record<string, string> = {
  P1: "Lagerarbejde og truckkørsel. Har kørekort B.",
  P2: "Lagkage og bagværk i kantinen.",
  P3: "Rengøring på kontor og skole. Rengøringsassistent.",
  P4: "Pædagog i børnehave, pædagogisk arbejde.",
  P5: "Social- og sundhedsassistent (SOSU) i hjemmeplejen.",
  P6: "Udvikler i C++ og C#, lidt .NET.",
  P7: "Programmering i C og Python.",
  P8: "Café-medarbejder: kaffe og kage. Håndværker i fritiden.",
  P9: "Kan arbejde 7,5 timer om ugen. Kundeservice på telefon.",
  P10: "Lager og logistik, varemodtagelse.",
  P11: "Økonomi og bogføring, regnskab.",
  P12: "Gartner: have, park og anlæg.",
};

const QUERIES: [string, string[]][] = [
  ["lager", ["P1", "P10"]],
  ["Lager", ["P1", "P10"]],
  ["lagerarbejde", ["P1"]],
  ["lagkage", ["P2"]],
  ["kørekort", ["P1"]],
  ["rengøring", ["P3"]],
  ["pædagog", ["P4"]],
  ["social- og sundhedsassistent", ["P5"]],
  ["sosu", ["P5"]],
  ["C++", ["P6"]],
  ["C#", ["P6"]],
  [".NET", ["P6"]],
  ["7,5 timer", ["P9"]],
  ["timer", ["P9"]],
  ["café", ["P8"]],
  ["cafe", ["P8"]],
  ["håndværker", ["P8"]],
  ["handvaerker", []],
  ["økonomi", ["P11"]],
  ["okonomi", []],
  ["bogføring regnskab", ["P11"]],
  ["gartner park", ["P12"]],
  ["kunde", ["P9"]],
  ["kage", ["P8"]],
  ["arbejde", ["P4", "P9"]],
  ["python", ["P7"]],
  ["logistik lager", ["P10"]],
  ["varemodtagelse", ["P10"]],
  ["børnehave", ["P4"]],
  ["have", ["P12"]],
  ["truck", ["P1"]],
  ["lager kage", []],
];

describe("search means the same on both databases", () => {
  it(`${QUERIES.length} Danish queries find exactly the hand-worked hits, in profiles and in openings`, async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const names = Object.keys(DOCUMENTS);
    // Profiles: their documents only (written the way the profile indexer writes them).
    const profileOf = new Map<string, string>();
    await db
      .insertInto("users")
      .values(
        names.map((n) => ({
          id: `${tag}-${n}`,
          email: `${tag}-${n.toLowerCase()}@example.dk`,
          name: n,
          phone: null,
          role: "flexjobber" as const,
          passwordHash: "",
          status: "active" as const,
          companyId: null,
          isCompanyAdmin: 0,
          consultantId: null,
          createdAt: "2026-01-01T10:00:00Z",
          retentionWarnedAt: null,
          erasedAt: null,
        })),
      )
      .execute();
    for (const n of names) {
      await ensureProfile(db, `${tag}-${n}`);
      await indexProfileText(db, `${tag}-${n}`, DOCUMENTS[n]!);
      profileOf.set(`${tag}-${n}`, n);
    }
    // Openings: the same texts as opening documents.
    const company = await createCompany(db);
    const openingOf = new Map<number, string>();
    for (const n of names) {
      const opening = await createOpening(db, company.id, { title: `Opslag ${n}` });
      await indexOpeningText(db, opening.id, DOCUMENTS[n]!);
      openingOf.set(opening.id, n);
    }

    const found: Record<string, { profiles: string[]; openings: string[] }> = {};
    for (const [query] of QUERIES) {
      const profiles = (await profileTextMatches(db, query)!.execute()).flatMap((r) => profileOf.get(r.userId) ?? []).sort();
      const openings = (await openingTextMatches(db, query)!.execute()).flatMap((r) => openingOf.get(Number(r.openingId)) ?? []).sort();
      found[query] = { profiles, openings };
    }
    const expected = Object.fromEntries(QUERIES.map(([q, hits]) => [q, { profiles: [...hits].sort(), openings: [...hits].sort() }]));
    expect(found).toEqual(expected);
  });
});
