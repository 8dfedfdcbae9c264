import fs from "node:fs";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { POSTCODE_ROWS } from "./postcode-data";
import { distanceKm, findPostcode, postcodeLabel } from "./postcodes";

describe("postcodes", () => {
  it("finds postcodes by their official names, central Copenhagen business postcodes too, and refuses unknown ones", () => {
    expect(findPostcode("2820")?.name).toBe("Gentofte");
    expect(findPostcode(" 8000 ")?.name).toBe("Aarhus C");
    expect(findPostcode("1150")?.name).toBe("København K");
    expect(findPostcode("1620")?.name).toBe("København V");
    // No area of its own (a bank's postcode): measured from its district.
    expect(findPostcode("1092")?.name).toBe("København K");
    for (const bad of ["0999", "282", "28200", "abcd", "", "9999"]) expect(findPostcode(bad)).toBeNull();
    expect(postcodeLabel("2900")).toBe("2900 Hellerup");
    // Islands that got their own postcode in 2017.
    expect(findPostcode("8799")?.name).toBe("Tunø");
  });

  it("measures distances close to the real ones", () => {
    const at = (code: string) => findPostcode(code)!;
    expect(distanceKm(at("2820"), at("2820"))).toBe(0);
    // Gentofte–Hellerup ≈ 3 km, København K–Aarhus C ≈ 157 km, København K–Aalborg ≈ 225 km.
    expect(distanceKm(at("2820"), at("2900"))).toBeLessThanOrEqual(4);
    expect(distanceKm(at("1150"), at("8000"))).toBeGreaterThan(145);
    expect(distanceKm(at("1150"), at("8000"))).toBeLessThan(170);
    expect(distanceKm(at("1150"), at("9000"))).toBeGreaterThan(210);
    expect(distanceKm(at("1150"), at("9000"))).toBeLessThan(240);
    // Assens is on Funen, not near Mariager; Viby Sjælland is not Viby J.
    expect(distanceKm(at("5000"), at("5610"))).toBeLessThan(40);
    expect(distanceKm(at("4130"), at("4000"))).toBeLessThan(20);
  });

  it("holds every postcode of the source file, each with a point inside Denmark", () => {
    const csv = parse(fs.readFileSync(path.resolve("db/vocabularies/postnumre.csv"), "utf8"), { columns: true }) as { nr: string; navn: string; lat: string; lon: string }[];
    expect(csv).toHaveLength(1089);
    // The generated table is the file (npm run postcodes), row for row.
    expect(POSTCODE_ROWS.map(([code, name, lat, lng]) => [code, name, lat, lng])).toEqual(csv.map((r) => [Number(r.nr), r.navn, Number(r.lat), Number(r.lon)]));
    let last = 0;
    for (const r of csv) {
      const point = findPostcode(r.nr)!;
      expect(point.name).toBe(r.navn);
      expect(Number(r.nr)).toBeGreaterThan(last);
      last = Number(r.nr);
      // Denmark's extent: lat 54.5–57.8, lon 8.0–15.2 (Bornholm included).
      expect(point.lat).toBeGreaterThan(54.5);
      expect(point.lat).toBeLessThan(57.8);
      expect(point.lng).toBeGreaterThan(8);
      expect(point.lng).toBeLessThan(15.2);
    }
  });
});
