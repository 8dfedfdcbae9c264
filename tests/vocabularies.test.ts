import { describe, expect, it } from "vitest";

import * as page from "~/routes/ordlister";
import { listTerms } from "~/vocabularies/vocabularies.server";

import { db } from "../db/client.server";
import { seedVocabularies } from "../db/vocabularies/seed";
import { normalizeTerm, seedTerms } from "../db/vocabularies/terms";
import { createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

describe("vocabularies", () => {
  it("are seeded in Danish once, and re-seeding never undoes staff edits", async () => {
    const competences = await listTerms(db, "competence");
    expect(competences.map((t) => t.label)).toContain("Kundeservice");
    expect(competences).toHaveLength(seedTerms.competence.length);
    const accommodations = (await listTerms(db, "accommodation")).map((t) => t.label);
    expect(accommodations).toEqual(expect.arrayContaining(["Fleksible mødetider", "Ingen tunge løft"]));

    const term = competences.find((t) => t.label === "Kundeservice")!;
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    expect((await run(page.action, post("/ordlister", { intent: "hide", id: String(term.id) }, cookie))).status).toBe(302);
    await seedVocabularies(db);
    expect((await listTerms(db, "competence")).map((t) => t.label)).not.toContain("Kundeservice");
    expect((await listTerms(db, "competence", { includeInactive: true })).map((t) => t.label)).toContain("Kundeservice");
  });

  it("normalizes terms so near-duplicates are refused", async () => {
    expect(normalizeTerm("  Kørekort   B (bil) ")).toBe("kørekort b (bil)");
    const staff = await createUser(db, { role: "admin" });
    const cookie = await sessionCookie(staff.id);
    const added = await run(page.action, post("/ordlister", { intent: "add", kind: "competence", label: "  Stilladsarbejde " }, cookie));
    expect(added.status).toBe(302);
    const dup = await run(page.action, post("/ordlister", { intent: "add", kind: "competence", label: "STILLADSARBEJDE" }, cookie));
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ errors: { label: "Ordet findes allerede i listen." } });
    // The same word may exist in another list.
    expect((await run(page.action, post("/ordlister", { intent: "add", kind: "industry", label: "Stilladsarbejde" }, cookie))).status).toBe(302);
    const stored = (await listTerms(db, "competence")).find((t) => t.normalized === "stilladsarbejde");
    expect(stored?.label).toBe("Stilladsarbejde");
  });

  it("renames a term, refusing a name another term has", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const [a, b] = await listTerms(db, "certificate");
    expect((await run(page.action, post("/ordlister", { intent: "rename", id: String(a.id), label: b.label }, cookie))).status).toBe(409);
    expect((await run(page.action, post("/ordlister", { intent: "rename", id: String(a.id), label: "Nyt bevis" }, cookie))).status).toBe(302);
    expect((await listTerms(db, "certificate")).map((t) => t.label)).toContain("Nyt bevis");
  });

  it("answers bad input with 4xx and is closed to other roles", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const bad: Record<string, string>[] = [
      { intent: "add", kind: "weapons", label: "x" },
      { intent: "add", kind: "competence", label: "x".repeat(5000) },
      { intent: "add", kind: "competence", label: "   " },
      { intent: "rename", id: "abc", label: "x" },
      { intent: "delete-all" },
    ];
    for (const fields of bad) {
      expect((await run(page.action, post("/ordlister", fields, cookie))).status).toBe(400);
    }
    expect((await run(page.action, post("/ordlister", { intent: "hide", id: "999999" }, cookie))).status).toBe(404);
    const company = await createUser(db, { role: "company" });
    expect((await run(page.loader, get("/ordlister", await sessionCookie(company.id)))).status).toBe(403);
    const flexjobber = await createUser(db, { role: "flexjobber" });
    expect((await run(page.action, post("/ordlister", { intent: "add", kind: "competence", label: "Hack" }, await sessionCookie(flexjobber.id)))).status).toBe(403);
  });
});
