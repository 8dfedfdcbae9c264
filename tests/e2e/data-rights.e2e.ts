import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { DEMO_PASSWORD, expectAccessible, flash, login, newPage, useBrowser } from "./browser";

const browser = useBrowser();

// A demo citizen no other journey uses: this one ends with the account gone.
const EMAIL = "morten.demo@example.dk";

describe("the citizen's data rights", () => {
  it("a flexjobber downloads their data, withdraws consent, deletes the account and can no longer log in", async (ctx) => {
    const page = await newPage(browser(), ctx, { acceptDownloads: true, viewport: { width: 360, height: 780 } });
    await login(page, EMAIL);
    await page.getByRole("contentinfo").getByRole("link", { name: "Mine data" }).click();
    await page.waitForURL("**/mine-data");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Mine data");
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Hent mine data", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mine-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    expect(data.account.email).toBe(EMAIL);
    expect(data.profile.headline).toBeTruthy();

    await page.getByRole("button", { name: "Træk samtykket tilbage", exact: true }).click();
    await flash(page, "Dit samtykke er trukket tilbage. Virksomhederne kan ikke længere se din profil eller kontakte dig.");
    await page.getByRole("button", { name: "Vis min profil for virksomhederne igen" }).waitFor();
    await expectAccessible(page);

    // One plain confirmation: without the tick nothing happens.
    await page.getByRole("button", { name: "Slet min konto" }).click();
    await page.getByText("Sæt kryds for at bekræfte, at du vil slette.").waitFor();
    await page.getByLabel("Ja, slet min konto og mine oplysninger nu.").check();
    await page.getByRole("button", { name: "Slet min konto" }).click();
    await page.waitForURL("**/login?besked=konto-slettet");
    await flash(page, "Din konto og dine oplysninger er slettet.");

    await page.getByLabel("E-mail", { exact: true }).fill(EMAIL);
    await page.getByLabel("Adgangskode", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByText("E-mail eller adgangskode passer ikke. Prøv igen.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});
