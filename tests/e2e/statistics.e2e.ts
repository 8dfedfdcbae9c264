import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { expectAccessible, login, newPage, openNav, useBrowser } from "./browser";

const browser = useBrowser();

describe("statistics", () => {
  it("staff open Statistik, change the reference date and download the frequency table as CSV", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await login(page, "medarbejder@demo.refleks.dk");
    await openNav(page, "Statistik");
    await page.waitForURL("**/statistik");
    await page.getByRole("heading", { level: 2, name: "Faktaboks" }).waitFor();
    await page.getByText(/logger på mindst en gang om dagen/).waitFor();
    expect(await page.locator("[role=img]").count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page);

    // Figures a manager reads: Danish months, round ticks, a number never parted from its "%",
    // the method below the figure, and the 52-week table folded until asked for.
    const ledighed = page.locator('section[aria-labelledby="ledighed-h"]');
    const months = await ledighed.locator(".x-tick").allTextContents();
    expect(months.length).toBeGreaterThan(3);
    for (const m of months) expect(m).toMatch(/^(jan\.|feb\.|mar\.|apr\.|maj|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.)\u00a0\d{2}$/);
    for (const t of await ledighed.locator(".y-tick").allTextContents()) expect(t).toMatch(/^(0|5|10|15|20|25|30|40|50|60|75|80|100)\u00a0%$/);
    expect(await ledighed.evaluate((s) => s.lastElementChild?.className)).toBe("formula");
    const weekly = page.locator('section[aria-labelledby="aktive-h"]');
    expect(await weekly.getByRole("region").isVisible()).toBe(false);
    await weekly.getByText(/^Vis tabellen \(\d+ rækker\)/).click();
    expect(await weekly.getByRole("region").isVisible()).toBe(true);

    const reference = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Skæringsdato (for hvor ofte man logger på)").fill(reference);
    await page.getByLabel("Periode for hvor ofte man logger på").selectOption("56");
    await page.getByRole("button", { name: "Vis" }).click();
    await page.waitForURL(`**/statistik?dato=${reference}**`);
    // The frequency table now ends on the chosen day, over the chosen window.
    await page.getByRole("region", { name: `Hvor ofte fleksjobberne logger på (56 dage til ${reference})` }).waitFor();
    await page.getByText("fire blokke på 14 dage").waitFor();
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Hent tabellen som CSV (Hvor ofte logger fleksjobberne på?)" }).click()]);
    expect(download.suggestedFilename()).toBe(`frekvens-${reference}.csv`);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Gruppe;Antal;Andel");
    expect(text).toContain("Dagligt;");
    expect(text).toContain("Sjældnere;");
    expect(text).toMatch(/Beregnet;.+ \(dansk tid\)/);
  });

  it("fits a 360 px wide screen without sideways scrolling (wide tables scroll in their own region)", async (ctx) => {
    const page = await newPage(browser(), ctx, { viewport: { width: 360, height: 780 } });
    await login(page, "medarbejder@demo.refleks.dk", undefined, { scan: false });
    for (const path of ["/statistik", "/borgere", "/arrangementer", "/viden"]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
  });
});
