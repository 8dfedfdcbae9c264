import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoSidewaysScroll, flash, login, newPage, openNav, useBrowser } from "./browser";

// A consultant works through Opfølgning.

const browser = useBrowser();

describe("Opfølgning", () => {
  it("the consultant sees her citizens who need a call, marks one as followed up with a note, and finds it in the citizen's history", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await login(page, "medarbejder@demo.refleks.dk");
    // Overblik counts the rows first.
    await page.getByRole("heading", { name: "Opfølgning" }).waitFor();
    await openNav(page, "Opfølgning");
    await page.waitForURL("**/opfoelgning");
    await expectAccessible(page);
    const quiet = page.getByRole("region", { name: /Har ikke logget ind i 14 dage/ });
    await expect.poll(() => quiet.getByRole("link", { name: "Karin Krogh", exact: true }).isVisible()).toBe(true);
    await page.getByText("Markér som fulgt op (Karin Krogh)").click();
    await page.getByLabel("Note om opfølgningen med Karin Krogh (frivilligt)").fill("Ringede. Hun har haft en hård periode og logger ind igen i næste uge.");
    await quiet.getByRole("button", { name: "Gem" }).click();
    await flash(page, "Rækken er markeret som fulgt op. Den kommer igen om 14 dage, hvis intet har ændret sig.");
    await expect.poll(() => page.getByRole("link", { name: "Karin Krogh", exact: true }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Alle borgere" }).click();
    await page.waitForURL("**/opfoelgning?hvem=alle");
    await expectAccessible(page);

    await openNav(page, "Borgere");
    await page.getByLabel("Navn, e-mail eller telefon").fill("Karin");
    await page.getByRole("button", { name: "Søg" }).click();
    await page.getByRole("link", { name: "Karin Krogh", exact: true }).click();
    await page.getByText(/hård periode/).waitFor();
    await expectAccessible(page);
  });

  it("fits a 360 px phone", async (ctx) => {
    const page = await newPage(browser(), ctx, { viewport: { width: 360, height: 780 } });
    await login(page, "medarbejder@demo.refleks.dk");
    await page.goto("/opfoelgning?hvem=alle");
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });
});
