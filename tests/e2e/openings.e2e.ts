import { describe, expect, it } from "vitest";

import { expectAccessible, flash, login, logout, newPage, openNav, useBrowser } from "./browser";

const browser = useBrowser();

const TITLE = "Pakkemedhjælper på lageret";

describe("opening journey", () => {
  it("company posts → flexjobber finds it recommended with reasons → anonymous interest → company marks ansat → staff confirm → i fleksjob", async (ctx) => {
    const page = await newPage(browser(), ctx);

    await login(page, "virksomhed@demo.refleks.dk");
    await openNav(page, "Opslag");
    await page.waitForURL("**/opslag");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nyt opslag" }).click();
    await page.waitForURL("**/opslag/ny");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Gem kladde" }).click();
    await page.getByText('Skriv en titel, fx "Køkkenmedhjælper".').waitFor();
    await page.getByLabel("Titel").fill(TITLE);
    await page.getByLabel("Om jobbet").fill("Vi pakker varer til vores køkkener. Roligt lager, ingen tunge løft.");
    await page.getByLabel("Konkrete opgaver (én pr. linje)").fill("Pakke varer\nSortere varer");
    await page.getByLabel("Fra (timer)").fill("10");
    await page.getByLabel("Til (timer)").fill("14");
    await page.getByLabel("Arbejdspladsens postnummer").fill("2820");
    await page.getByLabel("Branche").selectOption("Transport og lager");
    await page.locator("summary", { hasText: "Krævede kompetencer" }).click();
    await page.getByRole("group", { name: "Krævede kompetencer" }).getByLabel("Lagerarbejde", { exact: true }).check();
    await page.locator("summary", { hasText: "Hensyn I kan tage" }).click();
    await page.getByRole("group", { name: "Hensyn arbejdspladsen kan tage" }).getByLabel("Ingen tunge løft", { exact: true }).check();
    await page.getByRole("button", { name: "Gem kladde" }).click();
    await flash(page, "Opslaget er gemt.");
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Slå opslaget op" }).click();
    await flash(page, "Opslaget er slået op. Fleksjobberne kan nu finde det.");
    await logout(page);

    // The flexjobber finds it under "Anbefalet til dig", with reasons, and says interested anonymously.
    await login(page, "peter.demo@example.dk");
    const recommended = page.getByRole("region", { name: "Anbefalet til dig" });
    const card = recommended.getByRole("article", { name: TITLE });
    await card.getByText("Du har 1 af 1 krævede kompetencer").waitFor();
    await card.getByText("Arbejdspladsen tilbyder: ingen tunge løft").waitFor();
    await expectAccessible(page);
    await card.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Gem jobbet" }).click();
    await flash(page, "Jobbet er gemt under Gemte job.");
    await page.getByRole("button", { name: "Jeg er interesseret" }).click();
    await page.getByText("Vælg om virksomheden må se dit navn.").waitFor();
    await page.getByLabel("Besked til virksomheden (frivilligt)").fill("Jeg har mange års erfaring fra lager.");
    await page.getByLabel("Nej, jeg vil være anonym indtil videre").check();
    await page.getByRole("button", { name: "Jeg er interesseret" }).click();
    await flash(page, "Tak! Virksomheden kan nu se, at du er interesseret.");
    await page.getByText("Du er anonym for virksomheden.", { exact: false }).waitFor();
    await logout(page);

    // The company sees an anonymous interest and marks the candidate as hired.
    await login(page, "virksomhed@demo.refleks.dk");
    await openNav(page, "Opslag");
    await page.getByRole("link", { name: TITLE }).click();
    const interests = page.getByRole("region", { name: "Interesserede (1)" });
    await interests.getByText("Jeg har mange års erfaring fra lager.").waitFor();
    expect(await interests.textContent()).not.toContain("Peter");
    await expectAccessible(page);
    await interests.getByLabel(/^Trin for Fleksjobber/).selectOption("hired");
    await interests.getByRole("button", { name: "Gem trin" }).click();
    await flash(page, "Kandidatens trin er gemt.");
    await logout(page);

    // Staff confirm the hire; the citizen is now i fleksjob.
    await login(page, "medarbejder@demo.refleks.dk");
    await openNav(page, "Til bekræftelse");
    await page.waitForURL("**/bekraeft");
    await expectAccessible(page);
    await page.getByRole("article", { name: "Peter Poulsen" }).getByRole("button", { name: "Bekræft ansættelsen af Peter Poulsen" }).click();
    await flash(page, "Ansættelsen er bekræftet. Borgeren står nu som i fleksjob.");
    await openNav(page, "Borgere");
    await page.getByRole("link", { name: "Peter Poulsen" }).click();
    await page
      .getByText(/^I fleksjob fra /)
      .first()
      .waitFor();
    await expectAccessible(page);
  });
});
