import { describe, expect, it } from "vitest";

import { HEALTH_CONSENT_VERSION, SHARING_CONSENT_VERSION } from "~/auth/consent-texts";
import { approveProfile } from "~/profiles/review.server";
import { isVisibleTo } from "~/profiles/visibility.server";
import * as citizenPage from "~/routes/borgere_.$id";
import * as profilePage from "~/routes/profil";
import * as competencesPage from "~/routes/profil_.kompetencer";
import * as wishesPage from "~/routes/profil_.oensker";
import * as aboutPage from "~/routes/profil_.om";
import * as accommodationsPage from "~/routes/profil_.skaanebehov";

import { db } from "../db/client.server";
import { createCompany, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";

// "Udfyld profilen sammen med borgeren". A consultant fills
// in the profile with a citizen at a meeting, in the same editor steps.

type ProfileData = { assisting: { citizenName: string } | null; staffEdits: { step: string; staffName: string }[]; status: string };

describe("a profile filled in with staff at a meeting", () => {
  it("records her consent with staff as witness, marks every staff change for her and in the audit log, and is found by companies only after approval", async () => {
    const staff = await createUser(db, { role: "staff", name: "Mette Konsulent" });
    const citizen = await createUser(db, { role: "flexjobber", name: "Bodil Bord", consultantId: staff.id });
    const staffCookie = await sessionCookie(staff.id);

    // Not until it is started from her page, and only when she is there and says yes.
    expect((await run(aboutPage.loader, get("/profil/om", staffCookie))).status).toBe(403);
    const noYes = await run(citizenPage.action, post(`/borgere/${citizen.id}`, { intent: "assist" }, staffCookie), { id: citizen.id });
    expect(noYes.status).toBe(400);
    expect((await noYes.json()).errors.present).toBe("Sæt kryds, når borgeren er med og siger ja.");
    const started = await run(citizenPage.action, post(`/borgere/${citizen.id}`, { intent: "assist", present: "ja" }, staffCookie), { id: citizen.id });
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toBe("/profil");

    // The same steps she would use, on her profile.
    const page = (await (await run(profilePage.loader, get("/profil", staffCookie))).json()) as ProfileData;
    expect(page.assisting).toEqual({ citizenName: "Bodil Bord", userId: citizen.id });
    expect((await run(aboutPage.action, post("/profil/om", { headline: "Omhyggelig med papir og tal" }, staffCookie))).status).toBe(302);
    expect((await run(competencesPage.action, post("/profil/kompetencer", { intent: "add", kind: "competence", label: "Bogføring" }, staffCookie))).status).toBe(302);
    expect(
      (
        await run(
          wishesPage.action,
          post("/profil/oensker", { intent: "wishes", hoursMin: "10", hoursMax: "15", postcode: "2820", maxCommuteKm: "10", availability: "seeking" }, staffCookie),
        )
      ).status,
    ).toBe(302);
    expect((await run(accommodationsPage.action, post("/profil/skaanebehov", { intent: "give-consent" }, staffCookie))).status).toBe(302);
    // A change that did not go through is not a change.
    expect((await run(aboutPage.action, post("/profil/om", { headline: "" }, staffCookie))).status).toBe(400);

    const profile = await db.selectFrom("profiles").select(["headline", "status"]).where("userId", "=", citizen.id).executeTakeFirstOrThrow();
    expect(profile).toEqual({ headline: "Omhyggelig med papir og tal", status: "draft" });
    // Staff's own account has no profile.
    expect(await db.selectFrom("profiles").select("userId").where("userId", "=", staff.id).execute()).toEqual([]);

    // Publishing needs her yes to the text, confirmed by staff; then the consent names staff as witness.
    const unconfirmed = await run(profilePage.action, post("/profil", { intent: "publish" }, staffCookie));
    expect(unconfirmed.status).toBe(400);
    expect((await db.selectFrom("profiles").select("status").where("userId", "=", citizen.id).executeTakeFirstOrThrow()).status).toBe("draft");
    expect((await run(profilePage.action, post("/profil", { intent: "publish", witnessed: "ja" }, staffCookie))).status).toBe(302);
    const consents = await db.selectFrom("consents").select(["purpose", "textVersion", "witnessedBy"]).where("userId", "=", citizen.id).orderBy("purpose").execute();
    expect(consents).toEqual([
      { purpose: "health_data", textVersion: HEALTH_CONSENT_VERSION, witnessedBy: staff.id },
      { purpose: "profile_sharing", textVersion: SHARING_CONSENT_VERSION, witnessedBy: staff.id },
    ]);

    // Every change in the audit log, by staff, about her.
    const audit = await db.selectFrom("auditLog").select(["actorId", "action"]).where("subjectUserId", "=", citizen.id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual([
      "profile_assist_started",
      "profile_edited_by_staff",
      "profile_edited_by_staff",
      "profile_edited_by_staff",
      "profile_edited_by_staff",
      "profile_edited_by_staff",
    ]);
    expect(audit.every((a) => a.actorId === staff.id)).toBe(true);

    // Companies find her only after approval, like any other profile.
    const company = await createCompany(db);
    expect(await isVisibleTo(db, citizen.id, company.id)).toBe(false);
    const approver = await createUser(db, { role: "staff" });
    expect(await approveProfile(db, { userId: citizen.id, staffId: approver.id })).toBe(true);
    expect(await isVisibleTo(db, citizen.id, company.id)).toBe(true);

    // Done: the session is staff's own again.
    const stopped = await run(profilePage.action, post("/profil", { intent: "stop-assist" }, staffCookie));
    expect(stopped.headers.get("Location")).toMatch(new RegExp(`^/borgere/${citizen.id}`));
    expect((await run(profilePage.loader, get("/profil", staffCookie))).status).toBe(403);
    expect((await run(aboutPage.action, post("/profil/om", { headline: "Noget andet" }, staffCookie))).status).toBe(403);

    // Her next visit: what was written, and by whom, until she has seen it; her own changes are hers.
    const herCookie = await sessionCookie(citizen.id);
    const hers = (await (await run(profilePage.loader, get("/profil", herCookie))).json()) as ProfileData;
    expect(hers.assisting).toBeNull();
    expect(hers.staffEdits.map((e) => e.step)).toEqual(["Om dig", "Kompetencer", "Ønsker", "Skånebehov", "Sendte profilen til godkendelse"]);
    expect(new Set(hers.staffEdits.map((e) => e.staffName))).toEqual(new Set(["Mette Konsulent"]));
    expect((await run(aboutPage.action, post("/profil/om", { headline: "Omhyggelig og rolig" }, herCookie))).status).toBe(302);
    expect(await db.selectFrom("profileStaffEdits").select("id").where("userId", "=", citizen.id).execute()).toHaveLength(5);
    expect((await run(profilePage.action, post("/profil", { intent: "stop-assist" }, herCookie))).status).toBe(400);
    expect((await run(profilePage.action, post("/profil", { intent: "seen" }, herCookie))).status).toBe(302);
    expect(((await (await run(profilePage.loader, get("/profil", herCookie))).json()) as ProfileData).staffEdits).toEqual([]);
  });

  it("needs an account: a citizen who has only been invited gets her invitation first", async () => {
    const staff = await createUser(db, { role: "staff" });
    const invited = await createUser(db, { role: "flexjobber", status: "registered" });
    const res = await run(citizenPage.action, post(`/borgere/${invited.id}`, { intent: "assist", present: "ja" }, await sessionCookie(staff.id)), { id: invited.id });
    expect(res.status).toBe(409);
    expect((await res.json()).formError).toBe("Borgeren skal have en konto først. Send eller udskriv invitationen.");
    // A company user cannot start it.
    const company = await createUser(db, { role: "company", companyId: (await createCompany(db)).id });
    expect((await run(citizenPage.action, post(`/borgere/${invited.id}`, { intent: "assist", present: "ja" }, await sessionCookie(company.id)), { id: invited.id })).status).toBe(
      403,
    );
  });
});
