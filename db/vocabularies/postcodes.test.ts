import { describe, expect, it } from "vitest";
import { POSTCODE_ROWS } from "./postcode-data";
import { distanceKm, findPostcode, postcodeLabel } from "./postcodes";

describe("postcodes", () => {
  it("finds single postcodes and the central Copenhagen ranges, and refuses unknown ones", () => {
    expect(findPostcode("2820")?.name).toBe("Gentofte");
    expect(findPostcode(" 8000 ")?.name).toBe("Aarhus C");
    expect(findPostcode("1150")?.name).toBe("København K");
    expect(findPostcode("1620")?.name).toBe("København V");
    for (const bad of ["0999", "282", "28200", "abcd", ""]) expect(findPostcode(bad)).toBeNull();
    expect(postcodeLabel("2900")).toBe("2900 Hellerup");
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
  });

  it("has sorted, non-overlapping rows inside Denmark", () => {
    let last = 0;
    for (const [from, to, name, lat, lng] of POSTCODE_ROWS) {
      expect(from).toBeGreaterThan(last);
      expect(to).toBeGreaterThanOrEqual(from);
      expect(name.length).toBeGreaterThan(1);
      expect(lat).toBeGreaterThan(54.5);
      expect(lat).toBeLessThan(57.8);
      expect(lng).toBeGreaterThan(8);
      expect(lng).toBeLessThan(15.2);
      last = to;
    }
  });
});
