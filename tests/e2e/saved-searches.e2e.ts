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
});
