import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoSidewaysScroll, flash, login, logout, mainMenu, newPage, useBrowser } from "./browser";

// Everyday use: what a page puts first, what asks before it deletes, and
// notices a person can trust. Kaj Kristensen is the approved demo citizen no other journey uses.

const browser = useBrowser();
const KAJ = "kaj.demo@example.dk";
const COMPANY = "virksomhed@demo.refleks.dk";
const WAREHOUSE = "Lagermedhjælper om formiddagen";
const PHONE = { viewport: { width: 360, height: 780 } };

/** The level-2 headings of the page's main part, in reading order. */
const headings = (page: Page) => page.locator("main h2").allTextContents();

async function openCompanyOpening(page: Page, title: string) {
  await page.goto("/opslag");
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

describe("everyday use", () => {
  it("a job's description comes before the interest form; the company's own page puts its candidates first and folds its ad", async (ctx) => {
    const page = await newPage(browser(), ctx, PHONE);
    await login(page, KAJ);
    await page.getByText("Din profil er synlig for virksomhederne").waitFor();
    await page.goto(`/job?q=${encodeURIComponent("Lagermedhjælper")}`);
    await page.getByRole("link", { name: WAREHOUSE }).first().click();
    await page.getByRole("heading", { level: 1, name: WAREHOUSE }).waitFor();
    const jobOrder = await headings(page);
    expect(jobOrder.indexOf("Om jobbet")).toBeGreaterThanOrEqual(0);
    expect(jobOrder.indexOf("Om jobbet")).toBeLessThan(jobOrder.indexOf("Jeg er interesseret"));
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // Escape closes the phone menu and leaves the keyboard on "Menu".
    const menu = await mainMenu(page);
    await page.keyboard.press("Escape");
    const toggle = menu.getByRole("button", { name: "Menu" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await logout(page);

    for (const size of [{ width: 1280, height: 900 }, PHONE.viewport]) {
      await page.setViewportSize(size);
      if (size.width === 1280) await login(page, COMPANY);
      await openCompanyOpening(page, WAREHOUSE);
      const order = await headings(page);
      const interested = order.findIndex((h) => h.startsWith("Interesserede"));
      expect(interested).toBeGreaterThanOrEqual(0);
      expect(interested).toBeLessThan(order.indexOf("Anbefalede kandidater"));
      expect(order.indexOf("Anbefalede kandidater")).toBeLessThan(order.indexOf("Opslaget, som fleksjobberne ser det"));
      // The ad is folded: its text shows only when asked for.
      expect(await page.getByRole("heading", { name: "Om jobbet" }).isVisible()).toBe(false);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
    }
    await page.getByText("Opslaget, som fleksjobberne ser det").click();
    await page.getByRole("heading", { name: "Om jobbet" }).waitFor();
    await expectAccessible(page);
  });

  it("asks before it deletes skånebehov or closes an opening; 'Tilføjer …' shows only on the pressed button; the add box empties", async (ctx) => {
    const page = await newPage(browser(), ctx, PHONE);
    await login(page, KAJ);
    await page.goto("/profil/skaanebehov");
    await page.getByRole("button", { name: "Jeg giver samtykke" }).click();
    await flash(page, "Tak. Du kan nu vælge, hvilke skånebehov virksomhederne kan se.");
    const add = page.getByLabel("Tilføj et skånebehov");
    await add.fill("Ingen tunge løft");
    await page.getByRole("button", { name: "Tilføj", exact: true }).click();
    await flash(page, "Det er gemt.");
    await page.getByRole("listitem").filter({ hasText: "Ingen tunge løft" }).waitFor();
    expect(await add.inputValue()).toBe("");

    // Withdrawing the consent deletes them: the first press only says so.
    await page.getByText("Træk mit samtykke tilbage").click();
    await page.getByText("Vi sletter dit skånebehov med det samme. Det kan ikke fortrydes.", { exact: false }).waitFor();
    expect(await page.getByRole("listitem").filter({ hasText: "Ingen tunge løft" }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ja, træk samtykket tilbage og slet dem" }).click();
    await flash(page, "Dit samtykke er trukket tilbage. Virksomhederne kan ikke længere se dine skånebehov.");
    expect(await page.getByRole("listitem").filter({ hasText: "Ingen tunge løft" }).count()).toBe(0);

    // Several "Tilføj" on one page: while one list saves, only its button says so.
    await page.goto("/profil/kompetencer");
    const adds = page.getByRole("button", { name: /^Tilføj/ });
    expect(await adds.count()).toBeGreaterThan(1);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/profil/kompetencer**", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    const firstField = page
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Tilføj" }) })
      .first()
      .locator('input[name="label"]');
    await firstField.fill("Vicevært");
    await adds.first().click();
    await expect.poll(() => adds.allTextContents()).toContain("Tilføjer …");
    const texts = await adds.allTextContents();
    expect(texts.filter((t) => t === "Tilføjer …")).toHaveLength(1);
    release();
    await flash(page, "Det er gemt.");
    await page.unroute("**/profil/kompetencer**");
    await logout(page);

    // The company closes an opening only after a second, plainly worded button.
    await login(page, COMPANY, undefined, { scan: false });
    await openCompanyOpening(page, "Kagebager (kladde)");
    await page.getByRole("button", { name: "Slå opslaget op" }).click();
    await flash(page, "Opslaget er slået op. Fleksjobberne kan nu finde det.");
    await page.getByText("Luk opslaget", { exact: true }).click();
    await page.getByText("Fleksjobberne kan ikke længere finde jobbet", { exact: false }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ja, luk opslaget nu" }).click();
    await flash(page, "Opslaget er lukket. Fleksjobberne kan ikke længere finde det.");
  });

  it("a contact request names the company and the opening, its answers are equal, the conversation is named after the opening, and the company reads her name once she said yes", async (ctx) => {
    const page = await newPage(browser(), ctx);
    // The company knows him only by the alias his preview shows him.
    await login(page, KAJ, undefined, { scan: false });
    await page.goto("/profil/forhaandsvisning");
    const alias = (await page.locator("main p strong").first().textContent())!.trim();
    expect(alias).toMatch(/^Fleksjobber [A-Z2-9]{4}$/);
    await logout(page);

    await login(page, COMPANY);
    await page.goto(`/kandidater/${encodeURIComponent(alias)}`);
    await page.getByRole("heading", { level: 1, name: alias }).waitFor();
    await page.getByLabel("Hvilket job handler det om?").selectOption({ label: WAREHOUSE });
    await page.getByLabel("Besked").fill("Vi søger en praktisk person til vores lager om formiddagen.");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Send forespørgsel" }).click();
    await flash(page, "Din forespørgsel er sendt.");
    await logout(page);

    await page.setViewportSize(PHONE.viewport);
    await login(page, KAJ);
    await page.goto("/notifikationer");
    await page.getByText("vil gerne i kontakt med dig").waitFor();
    await page.goto("/beskeder");
    const request = page.getByRole("article").filter({ hasText: "Vi søger en praktisk person" });
    await request.getByRole("link", { name: WAREHOUSE }).waitFor();
    const yes = request.getByRole("button", { name: /^Ja, del mine kontaktoplysninger/ });
    const no = request.getByRole("button", { name: /^Nej tak/ });
    expect(await yes.getAttribute("class")).toBe(await no.getAttribute("class"));
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await yes.click();
    await page.getByRole("heading", { level: 1, name: WAREHOUSE }).waitFor();
    await expectAccessible(page);
    await logout(page);

    await page.setViewportSize({ width: 1280, height: 900 });
    await login(page, COMPANY, undefined, { scan: false });
    await page.goto("/notifikationer");
    await page.getByText(`Kaj Kristensen (${alias}) har sagt ja`).waitFor();
    await expectAccessible(page);
  });
});
