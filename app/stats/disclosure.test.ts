import { describe, expect, it } from "vitest";

import { cellText, partitionCells, periodCount, singleCell } from "./disclosure";

describe("disclosure control for staff", () => {
  it("masks 1–4, never 0 or 5, and nothing for admins", () => {
    expect([0, 1, 4, 5].map((n) => cellText(singleCell(n, false)))).toEqual(["0", "< 5", "< 5", "5"]);
    expect(cellText(singleCell(3, true))).toBe("3");
  });

  it("suppresses a second count when one masked count would be the total minus the rest", () => {
    expect(partitionCells([6, 3, 0, 8], false).map(cellText)).toEqual(["6", "< 5", "skjult", "8"]);
    expect(partitionCells([6, 3, 7, 8], false).map(cellText)).toEqual(["skjult", "< 5", "7", "8"]);
    // Two masked already hide each other; none masked needs nothing.
    expect(partitionCells([6, 3, 2, 8], false).map(cellText)).toEqual(["6", "< 5", "< 5", "8"]);
    expect(partitionCells([6, 5, 7], false).map(cellText)).toEqual(["6", "5", "7"]);
    expect(partitionCells([6, 3, 0, 8], true).map(cellText)).toEqual(["6", "3", "0", "8"]);
  });

  it("rounds period counts to the nearest 5 for staff, so two periods never differ by 1–4", () => {
    expect([0, 2, 5, 7, 8, 23, 20].map((n) => cellText(periodCount(n, false)))).toEqual(["0", "< 5", "5", "5", "10", "25", "20"]);
    expect(cellText(periodCount(23, true))).toBe("23");
  });
});
