import { describe, expect, it } from "vitest";

import * as access from "~/routes/adgang";
import * as experience from "~/routes/profil_.erfaring";
import * as competences from "~/routes/profil_.kompetencer";
import * as companies from "~/routes/virksomheder";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createUser } from "./factories";
import { post, run, sessionCookie } from "./http";

// Conflicts are answers, not crashes, and a refused duplicate changes nothing.

describe("conflicts", () => {
  it("reactivating a suspended company after a new request with its CVR asks staff, then merges on request", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const old = await createCompany(db, { name: "Gammel Bager ApS", cvr: "31313131", status: "suspended" });
    expect((await run(access.action, post("/adgang", { companyName: "Ny Bager ApS", cvr: "31313131", contactName: "N", email: "n@bager.example", phone: "" }), {})).status).toBe(
      302,
    );
    const fresh = await db.selectFrom("companies").select("id").where("name", "=", "Ny Bager ApS").executeTakeFirstOrThrow();

    const asked = await run(companies.action, post("/virksomheder", { intent: "reactivate", companyId: String(old.id) }, cookie));
    expect(asked.status).toBe(409);
    expect(await asked.json()).toMatchObject({ formError: expect.stringMatching(/samme CVR-nummer/), conflict: { other: { id: fresh.id, status: "pending" } } });
    const status = async (id: number) => (await db.selectFrom("companies").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
    expect([await status(old.id), await status(fresh.id)]).toEqual(["suspended", "pending"]);

    const merged = await run(companies.action, post("/virksomheder", { intent: "reactivate", companyId: String(old.id), merge: "ja" }, cookie));
    expect(merged.status).toBe(302);
    expect([await status(old.id), await status(fresh.id)]).toEqual(["approved", "rejected"]);
  });

  it("refuses to reactivate while another company with the CVR has access", async () => {
    const staff = await createUser(db, { role: "staff" });
    const old = await createCompany(db, { name: "Første", cvr: "42424242", status: "suspended" });
    await createCompany(db, { name: "Anden", cvr: "42424242", status: "approved" });
    const res = await run(companies.action, post("/virksomheder", { intent: "reactivate", companyId: String(old.id), merge: "ja" }, await sessionCookie(staff.id)));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ formError: expect.stringMatching(/Anden har allerede adgang/) });
  });

  it("a refused duplicate competence or experience does not touch the profile's updated_at", async () => {
    const { user } = await createFlexjobberWithProfile(db, {}, { competences: ["Lagerarbejde"], experiences: [{ title: "Lagermedarbejder", years: 3 }] });
    const cookie = await sessionCookie(user.id);
    const stamp = "2020-01-01T00:00:00.000Z";
    await db.updateTable("profiles").set({ updatedAt: stamp }).where("userId", "=", user.id).execute();

    const again = await run(competences.action, post("/profil/kompetencer", { intent: "add", kind: "competence", label: "lagerarbejde" }, cookie));
    expect(again.status).toBe(409);
    const twice = await run(experience.action, post("/profil/erfaring", { intent: "add", title: "Lagermedarbejder", years: "3" }, cookie));
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { errors: Record<string, string> }).errors.title).toBe("Den står allerede på listen.");
    expect(await db.selectFrom("experiences").select("id").where("userId", "=", user.id).execute()).toHaveLength(1);
    expect((await db.selectFrom("profiles").select("updatedAt").where("userId", "=", user.id).executeTakeFirstOrThrow()).updatedAt).toBe(stamp);
  });
});
