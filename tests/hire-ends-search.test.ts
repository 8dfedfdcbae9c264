import { describe, expect, it } from "vitest";

import { expressInterest, setInterestStage } from "~/openings/interests.server";
import { recommendCandidates } from "~/openings/job-search.server";
import { loadOpening } from "~/openings/openings.server";
import { setProfileHidden } from "~/profiles/profile.server";
import * as confirmPage from "~/routes/bekraeft";
import * as myProfile from "~/routes/profil";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { sentEmails } from "./mocks/email-api";

// A hire ends the search: the profile pauses (she is asked whether to stay
// visible), and she is never recommended for the opening she got.

describe("a confirmed hire", () => {
  it("pauses the profile unless she chooses otherwise, and removes her from that opening's recommendations", async () => {
    const company = await createCompany(db);
    const opening = await createOpening(db, company.id, { required: ["Køkkenhjælp"] });
    const other = await createOpening(db, company.id, { title: "Opvasker", required: ["Køkkenhjælp"] });
    const { user, profile } = await createFlexjobberWithProfile(db, { email: "ansat@example.dk" }, { competences: ["Køkkenhjælp"] });
    const aliases = async (id: number) => (await recommendCandidates(db, (await loadOpening(db, id))!, 50)).map((c) => c.alias);
    expect(await aliases(opening.id)).toContain(profile.alias);

    await expressInterest(db, { userId: user.id, openingId: opening.id, shareIdentity: true });
    const interest = await db.selectFrom("interests").select("id").where("userId", "=", user.id).executeTakeFirstOrThrow();
    await setInterestStage(db, { interestId: interest.id, companyId: company.id, stage: "hired", userId: opening.owner.id });
    const hire = await db.selectFrom("hires").select("id").where("userId", "=", user.id).executeTakeFirstOrThrow();
    const staff = await createUser(db, { role: "staff" });
    const res = await run(confirmPage.action, post("/bekraeft", { intent: "confirm", hireId: String(hire.id), fromDate: "2026-12-01" }, await sessionCookie(staff.id)));
    expect(res.status).toBe(302);

    const after = await db.selectFrom("profiles").select(["hidden", "availability"]).where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ hidden: 1, availability: "not_seeking" });
    expect(await aliases(opening.id)).not.toContain(profile.alias);
    expect(sentEmails.filter((m) => m.to === "ansat@example.dk").at(-1)?.subject).toBe("Tillykke med jobbet");
    const page = (await (await run(myProfile.loader, get("/profil", await sessionCookie(user.id)))).json()) as { newJob: boolean };
    expect(page.newJob).toBe(true);

    // She chooses to stay visible: found for other openings, still not for the one she got.
    await setProfileHidden(db, user.id, false);
    expect(await aliases(other.id)).toContain(profile.alias);
    expect(await aliases(opening.id)).not.toContain(profile.alias);
  });
});
