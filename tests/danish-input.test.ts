import { describe, expect, it } from "vitest";

import { searchJobs } from "~/openings/job-search.server";
import { toCompanyView } from "~/profiles/company-view";
import { loadProfileDetails } from "~/profiles/profile.server";
import * as access from "~/routes/adgang";
import * as candidates from "~/routes/kandidater";
import * as colleagues from "~/routes/kolleger";
import * as wishes from "~/routes/profil_.oensker";
import * as about from "~/routes/profil_.om";
import { isEmail, parseHours } from "~/utils/fields";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

// Ordinary Danish input is accepted and normalised.

describe("ordinary Danish input", () => {
  it("takes '<' in plain text: 'arbejder < ca. 20 timer' and '<3'", async () => {
    const { user } = await createFlexjobberWithProfile(db, {}, { status: "draft" });
    const cookie = await sessionCookie(user.id);
    for (const summary of ["Jeg arbejder < ca. 20 timer om ugen", "Jeg elsker kaffe <3", "<ca. 20 timer"]) {
      const res = await run(about.action, post("/profil/om", { headline: "Hjælpsom kollega", summary }, cookie));
      expect(res.status, summary).toBe(302);
      expect((await db.selectFrom("profiles").select("summary").where("userId", "=", user.id).executeTakeFirstOrThrow()).summary).toBe(summary);
    }
  });

  it("takes hours written 7,5 and '7,5 timer', and shows them the Danish way", async () => {
    expect([parseHours("7,5"), parseHours("7.5"), parseHours("7,5 timer"), parseHours("7½"), parseHours("20 t."), parseHours("ti")]).toEqual([7.5, 7.5, 7.5, 7.5, 20, Number.NaN]);
    const { user } = await createFlexjobberWithProfile(db, {}, { status: "draft" });
    const cookie = await sessionCookie(user.id);
    const res = await run(
      wishes.action,
      post("/profil/oensker", { intent: "wishes", hoursMin: "7,5", hoursMax: "12,5 timer", postcode: "2820", maxCommuteKm: "10", availability: "seeking" }, cookie),
    );
    expect(res.status).toBe(302);
    const details = (await loadProfileDetails(db, user.id))!;
    expect([details.profile.hoursMin, details.profile.hoursMax]).toEqual([7.5, 12.5]);
    expect(toCompanyView(details).hours).toBe("7,5–12,5 timer om ugen");
    const page = (await (await run(wishes.loader, get("/profil/oensker", cookie))).json()) as { wishes: { hoursMin: string } };
    expect(page.wishes.hoursMin).toBe("7,5");
    const odd = await run(
      wishes.action,
      post("/profil/oensker", { intent: "wishes", hoursMin: "7,33", hoursMax: "12", postcode: "2820", maxCommuteKm: "10", availability: "seeking" }, cookie),
    );
    expect(odd.status).toBe(400);
  });

  it("takes emails with Danish letters, and CVR written DK12345678 or 12 34 56 78", async () => {
    for (const ok of ["søren@ærø.dk", "soeren@ærø.dk", "Anne.Ø@Åbenrå.dk", "a+b@sub.example.dk"]) expect(isEmail(ok.toLowerCase()), ok).toBe(true);
    for (const bad of ["søren@", "@ærø.dk", "søren ærø@dk.dk", "a@b", "a@-b.dk", "a..b@c.dk"]) expect(isEmail(bad), bad).toBe(false);

    const res = await run(
      access.action,
      post("/adgang", { companyName: "Ærø Bolcher ApS", cvr: "DK 39 14 25 36", contactName: "Søren Sørensen", email: "Søren@Ærø.dk", phone: "" }),
      {},
    );
    expect(res.status).toBe(302);
    const company = await db.selectFrom("companies").selectAll().where("name", "=", "Ærø Bolcher ApS").executeTakeFirstOrThrow();
    expect(company.cvr).toBe("39142536");
    expect(company.contactEmail).toBe("søren@ærø.dk");
    const spaced = await run(access.action, post("/adgang", { companyName: "Mellemrum A/S", cvr: "12 34 56 78", contactName: "M", email: "m@example.dk", phone: "" }), {});
    expect(spaced.status).toBe(302);
    expect((await db.selectFrom("companies").select("cvr").where("name", "=", "Mellemrum A/S").executeTakeFirstOrThrow()).cvr).toBe("12345678");

    const c = await createCompany(db);
    const admin = await createUser(db, { role: "company", companyId: c.id, isCompanyAdmin: 1 });
    const invite = await run(colleagues.action, post("/kolleger", { name: "Åse", email: "åse@ærø.dk" }, await sessionCookie(admin.id)));
    expect(invite.status).toBe(302);
    expect(await db.selectFrom("invitations").select("email").where("email", "=", "åse@ærø.dk").execute()).toHaveLength(1);
  });
});

describe("technical words stay whole in search", () => {
  it("a search for C++ finds exactly the openings that contain it (not C#, .NET or 'C-kørekort')", async () => {
    const company = await createCompany(db, { name: "Kode ApS" });
    const titles = ["Udvikler med C++", "C# programmør", ".NET konsulent", "Chauffør med C-kørekort", "Embedded C++ og C"];
    const ids = new Map<string, number>();
    for (const title of titles) ids.set(title, (await createOpening(db, company.id, { title, required: [], wanted: [] })).id);
    const { user } = await createFlexjobberWithProfile(db);
    const found = async (q: string) =>
      (await searchJobs(db, user.id, { q, fitsHours: false, withinCommute: false, remoteOnly: false, newThisWeek: false, sort: "newest", page: 1 })).cards
        .map((c) => c.title)
        .sort();
    expect(await found("C++")).toEqual(["Embedded C++ og C", "Udvikler med C++"]);
    expect(await found("C#")).toEqual(["C# programmør"]);
    expect(await found(".NET")).toEqual([".NET konsulent"]);
  });

  it("and in candidate search", async () => {
    const { profile } = await createFlexjobberWithProfile(db, {}, { competences: ["C#", "SQL"] });
    const company = await createCompany(db);
    const companyUser = await createUser(db, { role: "company", companyId: company.id });
    const res = await run(candidates.loader, get(`/kandidater?q=${encodeURIComponent("C#")}`, await sessionCookie(companyUser.id)));
    const data = (await res.json()) as { result: { cards: { alias: string }[] } };
    expect(data.result.cards.map((c) => c.alias)).toEqual([profile.alias]);
  });
});
