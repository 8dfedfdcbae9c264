import { describe, expect, it } from "vitest";

import * as privacy from "~/routes/privatliv";

import { db } from "../db/client.server";
import { findPostcode } from "../db/vocabularies/postcodes";
import { repointPostcodesIfStale } from "../db/vocabularies/repoint";
import { createCompany, createFlexjobberWithProfile, createOpening } from "./factories";
import { get, run } from "./http";

describe("postcode points", () => {
  it("stored copies of a point are refreshed once when the points change", async () => {
    const { user } = await createFlexjobberWithProfile(db, {}, { postcode: "5610" });
    const company = await createCompany(db);
    const opening = await createOpening(db, company.id, { postcode: "5610" });
    // As the old table had it: Assens placed near Mariager.
    await db.updateTable("profiles").set({ lat: 56.676, lng: 10.062 }).where("userId", "=", user.id).execute();
    await db.updateTable("openings").set({ lat: 56.676, lng: 10.062 }).where("id", "=", opening.id).execute();
    await db.updateTable("settings").set({ value: "1" }).where("key", "=", "postcode_data_version").execute();

    expect(await repointPostcodesIfStale(db)).toBeGreaterThanOrEqual(2);
    const assens = findPostcode("5610")!;
    expect(await db.selectFrom("profiles").select(["lat", "lng"]).where("userId", "=", user.id).executeTakeFirstOrThrow()).toEqual({ lat: assens.lat, lng: assens.lng });
    expect(await db.selectFrom("openings").select(["lat", "lng"]).where("id", "=", opening.id).executeTakeFirstOrThrow()).toEqual({ lat: assens.lat, lng: assens.lng });
    expect(await repointPostcodesIfStale(db)).toBe(0);
  });

  it("the privacy page names where the points come from", async () => {
    const data = (await (await run(privacy.loader, get("/privatliv"))).json()) as { postcodeAttribution: string };
    expect(data.postcodeAttribution).toContain("Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur");
  });
});
