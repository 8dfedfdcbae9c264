import { describe, expect, it } from "vitest";

import { expectAccessible, linkFromOutbox, login, logout, mainMenu, newPage, openNav, useBrowser } from "./browser";

const browser = useBrowser();

describe("foundation journeys", () => {
  it("staff invite a flexjobber, who accepts from the email link and lands on the flexjobber home (360 px wide)", async (ctx) => {
    const page = await newPage(browser(), ctx, { viewport: { width: 360, height: 780 } });
    await login(page, "medarbejder@demo.refleks.dk");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Overblik");
    await expectAccessible(page);

    await openNav(page, "Borgere");
    await page.waitForURL("**/borgere");
    await expectAccessible(page);
    // The browser checks the form before anything is sent.
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect.poll(() => page.getByText("Skriv borgerens navn.").isVisible()).toBe(true);
    await page.getByLabel("Navn", { exact: true }).fill("Lone Lund");
    await page.getByLabel("E-mail", { exact: true }).fill("lone.lund@example.dk");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByRole("status").getByText("Invitationen er sendt.").waitFor();
    await expect.poll(() => page.getByRole("cell", { name: "lone.lund@example.dk" }).isVisible()).toBe(true);
    await expectAccessible(page);
    await logout(page);

    const link = await linkFromOutbox("lone.lund@example.dk");
    await page.goto(link);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Velkommen, Lone Lund");
    await expectAccessible(page);
    await page.getByLabel("Vælg en adgangskode").fill("lone har en lang kode");
    await page.getByLabel("Skriv adgangskoden igen").fill("lone har en anden kode");
    await page.getByRole("button", { name: "Opret min konto" }).click();
    await page.getByText("De to adgangskoder er ikke ens.").waitFor();
    await page.getByText("Du skal sætte flueben for at fortsætte.").waitFor();
    await page.getByLabel("Skriv adgangskoden igen").fill("lone har en lang kode");
    await page.getByRole("checkbox").check();
    await page.getByLabel(/Ja, jeg giver samtykke/).check();
    await page.getByRole("button", { name: "Opret min konto" }).click();
    await page.getByRole("heading", { level: 1, name: "Hej Lone" }).waitFor();
    await page.getByRole("status").getByText("Velkommen! Din konto er oprettet.").waitFor();
    await expectAccessible(page);
    const nav = await mainMenu(page);
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Forside", "Min profil", "Job", "Beskeder", "Arrangementer", "Viden"]);

    // The link is one-time only.
    await logout(page);
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Invitationen er allerede brugt" }).waitFor();
    await expectAccessible(page);

    await login(page, "lone.lund@example.dk", "lone har en lang kode");
    await page.getByRole("heading", { level: 1, name: "Hej Lone" }).waitFor();
    // A flexjobber gets a Danish 403 on a staff page.
    const res = await page.goto("/borgere");
    expect(res?.status()).toBe(403);
    await page.getByRole("heading", { level: 1, name: "Ingen adgang" }).waitFor();
    await expectAccessible(page);
  });

  it("a company asks for access, staff approve, and the company user logs in", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Bed om adgang" }).click();
    await page.waitForURL("**/adgang");
    await expectAccessible(page);
    await page.getByLabel("Virksomhedens navn").fill("Solsikken ApS");
    await page.getByLabel("CVR-nummer").fill("1234");
    await page.getByLabel("Kontaktperson", { exact: true }).fill("Sofie Sol");
    await page.getByLabel("Kontaktpersonens e-mail").fill("sofie@solsikken.example");
    await page.getByRole("button", { name: "Send anmodning" }).click();
    await page.getByText("CVR-nummeret skal være 8 cifre, fx 12345678.").waitFor();
    await expectAccessible(page);
    await page.getByLabel("CVR-nummer").fill("87654321");
    await page.getByRole("button", { name: "Send anmodning" }).click();
    await page.getByRole("heading", { level: 1, name: "Tak for jeres anmodning" }).waitFor();
    await expectAccessible(page);

    await login(page, "medarbejder@demo.refleks.dk");
    await page.goto("/virksomheder");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Godkend Solsikken ApS" }).click();
    await page
      .getByRole("status")
      .getByText(/Virksomheden er godkendt/)
      .waitFor();
    await expect.poll(() => page.getByRole("cell", { name: /^Solsikken ApS/ }).isVisible()).toBe(true);
    await logout(page);

    await page.goto(await linkFromOutbox("sofie@solsikken.example"));
    await expectAccessible(page);
    await page.getByLabel("Vælg en adgangskode").fill("solsikker i marken");
    await page.getByLabel("Skriv adgangskoden igen").fill("solsikker i marken");
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Opret min konto" }).click();
    await page.getByText("Du er logget ind for Solsikken ApS.").waitFor();
    await expectAccessible(page);
    await logout(page);

    await login(page, "sofie@solsikken.example", "solsikker i marken");
    await page.getByText("Du er logget ind for Solsikken ApS.").waitFor();
    const nav = await mainMenu(page);
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Forside", "Opslag", "Find kandidater", "Beskeder", "Arrangementer", "Viden", "Kolleger"]);
  });

  it("every demo login works and lands on its role's start page", async (ctx) => {
    const page = await newPage(browser(), ctx);
    const homes: [string, string][] = [
      ["admin@demo.refleks.dk", "Overblik"],
      ["medarbejder@demo.refleks.dk", "Overblik"],
      ["virksomhed@demo.refleks.dk", "Hej Karsten"],
      ["kollega@demo.refleks.dk", "Hej Kamilla"],
      ["borger@demo.refleks.dk", "Hej Bente"],
      ["ny@demo.refleks.dk", "Hej Nina"],
    ];
    for (const [email, heading] of homes) {
      await login(page, email);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await expectAccessible(page);
      await logout(page);
    }
  });

  it("forms work with JavaScript turned off: server messages next to the fields, then login and logout", async (ctx) => {
    const page = await newPage(browser(), ctx, { javaScriptEnabled: false });
    await page.goto("/login");
    await page.getByLabel("E-mail", { exact: true }).fill("ikke-en-mail");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByText("Skriv en gyldig e-mail, fx navn@eksempel.dk.").waitFor();
    await page.getByText("Skriv din adgangskode.").waitFor();
    await page.getByLabel("E-mail", { exact: true }).fill("borger@demo.refleks.dk");
    await page.getByLabel("Adgangskode", { exact: true }).fill("forkert kode");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByText("E-mail eller adgangskode passer ikke. Prøv igen.").waitFor();
    await login(page, "borger@demo.refleks.dk", undefined, { scan: false });
    await page.getByRole("heading", { level: 1, name: "Hej Bente" }).waitFor();
    await logout(page);
  });

  it("staff add a competence to the shared vocabulary", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await login(page, "medarbejder@demo.refleks.dk");
    await page.getByRole("link", { name: "Ret ordlister" }).click();
    await page.waitForURL("**/ordlister");
    await expectAccessible(page);
    const field = page.getByLabel('Nyt ord i "Kompetencer"');
    await field.fill("Stilladsarbejde");
    await field.press("Enter");
    await page.getByRole("status").getByText("Ordlisten er gemt.").waitFor();
    await page.getByText("Stilladsarbejde", { exact: true }).first().waitFor();
    await field.fill("stilladsarbejde");
    await field.press("Enter");
    await page.getByText("Ordet findes allerede i listen.").first().waitFor();
  });

  it("can be used with the keyboard: the skip link comes first and moves focus to the content", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await page.goto("/login");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Gå til indhold");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("indhold");
  });
});
