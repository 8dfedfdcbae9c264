import { describe, expect, it } from "vitest";

import { expectAccessible, flash, login, newPage, useBrowser } from "./browser";

const browser = useBrowser();

describe("saved searches", () => {
  it("a company saves a candidate search with the keyboard and finds it, in words and with its news, under Gemte søgninger", async (ctx) => {
    const page = await newPage(browser(), ctx, { viewport: { width: 360, height: 780 } });
    await login(page, "virksomhed@demo.refleks.dk", undefined, { scan: false });
    await page.goto("/kandidater?q=lager");
    await page.getByRole("heading", { level: 2, name: /kandidat/ }).waitFor();
    const fold = page.getByText("Gem søgning", { exact: true }).first();
    await fold.focus();
    await page.keyboard.press("Enter");
    const name = page.getByLabel("Navn på søgningen");
    expect(await name.inputValue()).toBe('"lager"');
    await name.fill("Lagerfolk");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Gem søgning" }).press("Enter");
    await page.waitForURL("**/gemte-soegninger?**");
    await flash(page, "Søgningen er gemt. Du får besked, når der kommer nye resultater.");
    await page.getByRole("heading", { level: 2, name: "Lagerfolk" }).waitFor();
    // The demo's own saved search has already found news.
    await page.getByRole("heading", { level: 2, name: "Køkken og kantine" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Slet søgningen Lagerfolk" }).click();
    await flash(page, "Søgningen er slettet. Du får ikke flere beskeder om den.");
    expect(await page.getByRole("heading", { level: 2, name: "Lagerfolk" }).count()).toBe(0);
  });

  it("a company extends an opening's deadline where the reminder sends it", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await login(page, "virksomhed@demo.refleks.dk", undefined, { scan: false });
    await page.goto("/opslag");
    await page.getByRole("link", { name: "Køkkenmedhjælper i kantinen" }).first().click();
    const section = page.locator("#frist");
    await section.getByRole("heading", { name: "Ansøgningsfrist" }).waitFor();
    const before = await section.locator("p").first().innerText();
    await expectAccessible(page);
    await section.getByRole("button", { name: "Forlæng fristen" }).click();
    await flash(page, "Fristen er forlænget. Opslaget bliver i søgningen til den nye frist.");
    expect(await section.locator("p").first().innerText()).not.toBe(before);
  });
});
