import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectAccessible, login, logout, newPage, openNav, useBrowser } from "./browser";

const browser = useBrowser();

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const saved = (page: Page, text = "Det er gemt.") => page.getByRole("status").getByText(text).waitFor();

describe("profile journey", () => {
  it("flexjobber fills in and publishes, previews; staff approve; a company finds the alias, asks, and sees the name after a yes", async (ctx) => {
    const page = await newPage(browser(), ctx, { viewport: { width: 360, height: 800 } });

    // The flexjobber builds the profile, one step at a time.
    await login(page, "ny@demo.refleks.dk");
    await page.getByRole("link", { name: "Lav din profil" }).click();
    await page.waitForURL("**/profil");
    await expectAccessible(page);
    const alias = (await page.locator("main p strong").first().textContent()) ?? "";
    expect(alias).toMatch(/^Fleksjobber [A-Z2-9]{4}$/);

    await page.getByRole("link", { name: "Skriv en overskrift om dig selv" }).click();
    await page.waitForURL("**/profil/om");
    await expectAccessible(page);
    await page.getByLabel("Overskrift").fill("");
    await page.getByRole("button", { name: "Gem" }).click();
    await page.getByText("Skriv en overskrift.").waitFor();
    await page.getByLabel("Overskrift").fill("Omhyggelig medhjælper med sans for dyr");
    // Ordinary Danish with "<" is just text.
    await page.getByLabel("Et par linjer om dig (frivilligt)").fill("Jeg har passet akvarier i en dyrehandel og kan arbejde < 20 timer om ugen.");
    await page.getByRole("button", { name: "Gem" }).click();
    await saved(page);

    await page.goto("/profil/kompetencer");
    await expectAccessible(page);
    const competences = page.getByRole("region", { name: "Kompetencer" });
    await competences.getByRole("button", { name: "Tilføj" }).click();
    await competences.getByText("Skriv noget, før du trykker Tilføj.").waitFor();
    for (const word of ["lagerarbejde", "Dyrepasning", "Akvariepleje"]) {
      await competences.getByLabel("Tilføj en kompetence").fill(word);
      await competences.getByRole("button", { name: "Tilføj" }).click();
      // The new line, not the status (the same "Det er gemt." as after the previous one).
      await competences.getByRole("button", { name: new RegExp(`^Fjern ${word}$`, "i") }).waitFor();
      await saved(page);
    }
    // Matched to the shared vocabulary's spelling.
    await competences.getByRole("button", { name: "Fjern Lagerarbejde", exact: true }).waitFor();
    // After "Tilføj" the field is empty again, so a second press adds nothing.
    expect(await competences.getByLabel("Tilføj en kompetence").inputValue()).toBe("");
    // Removed with the keyboard alone, and confirmed.
    await competences.getByRole("button", { name: "Fjern Dyrepasning", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Det er fjernet fra din profil.").waitFor();
    expect(await competences.getByRole("button", { name: "Fjern Dyrepasning", exact: true }).count()).toBe(0);
    await expectAccessible(page);

    // Tabbing through an empty form shows no error; "Tilføj" twice adds one line.
    await page.goto("/profil/erfaring");
    await page.getByLabel("Stilling", { exact: true }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    expect(await page.locator(".field-error").count()).toBe(0);
    await page.getByLabel("Stilling", { exact: true }).fill("Dyrepasser");
    await page.getByRole("button", { name: "Tilføj", exact: true }).click();
    await saved(page);
    expect(await page.getByLabel("Stilling", { exact: true }).inputValue()).toBe("");
    // The same line again: only the server's "already there", never together with "Det er gemt.".
    await page.getByLabel("Stilling", { exact: true }).fill("dyrepasser");
    await page.getByRole("button", { name: "Tilføj", exact: true }).click();
    await page.getByText("Den står allerede på listen.").waitFor();
    expect(await page.getByRole("button", { name: "Fjern Dyrepasser" }).count()).toBe(1);
    expect(await page.getByText("Det er gemt.").count()).toBe(0);

    await page.goto("/profil/oensker");
    await expectAccessible(page);
    await page.getByLabel("Fra (timer)").fill("20");
    await page.getByLabel("Til (timer)").fill("8");
    await page.getByLabel("Dit postnummer").fill("2820");
    await page.getByLabel("Hvor langt vil du højst rejse til arbejde? (km)").fill("15");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await page.getByText("Det højeste antal timer skal være mindst lige så stort som det laveste.").waitFor();
    await page.getByLabel("Fra (timer)").fill("8");
    await page.getByLabel("Til (timer)").fill("20");
    await page.getByLabel("Formiddag").check();
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await saved(page);

    await page.goto("/profil/skaanebehov");
    await expectAccessible(page);
    await page.getByLabel("Tilføj et skånebehov").fill("Ingen tunge løft");
    await page.getByRole("button", { name: "Tilføj" }).click();
    await saved(page);
    await page.getByLabel("Tilføj et skånebehov").fill("Hvil midt på dagen");
    await page.getByRole("button", { name: "Tilføj" }).click();
    await saved(page);
    await page.getByRole("button", { name: /^Vis for virksomheder\s*: Ingen tunge løft$/ }).click();
    await saved(page);
    await page.getByLabel("Tilføj et skånebehov").fill("Stille arbejdsplads");
    await page.getByRole("button", { name: "Tilføj" }).click();
    await saved(page);
    await page.getByRole("button", { name: "Fjern Stille arbejdsplads", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Det er fjernet fra din profil.").waitFor();
    expect(await page.getByRole("button", { name: "Fjern Stille arbejdsplads", exact: true }).count()).toBe(0);
    await expectAccessible(page);

    await page.goto("/profil");
    await page.getByRole("button", { name: "Send til godkendelse" }).click();
    await saved(page, "Tak! Jobcentret kigger på din profil, normalt inden for 3 hverdage. Du kan stadig rette i den.");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Sådan ser virksomhederne din profil" }).click();
    await page.waitForURL("**/profil/forhaandsvisning");
    await expectAccessible(page);
    const preview = page.getByRole("article", { name: alias });
    await preview.getByText("Ingen tunge løft").waitFor();
    expect(await preview.textContent()).not.toContain("Hvil midt på dagen");
    expect(await preview.textContent()).not.toContain("Nina");
    await logout(page);

    // Staff approve it from the queue.
    await login(page, "medarbejder@demo.refleks.dk");
    await openNav(page, "Profiler til godkendelse");
    await page.waitForURL("**/godkendelse");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nina Nygaard" }).click();
    await h1(page).getByText("Nina Nygaard").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Godkend" }).click();
    await saved(page, "Profilen er godkendt. Virksomhederne kan nu finde den.");
    await logout(page);

    // A company finds the alias, never the name, and asks.
    await login(page, "virksomhed@demo.refleks.dk");
    await openNav(page, "Find kandidater");
    await page.waitForURL("**/kandidater");
    await expectAccessible(page);
    await page.getByLabel("Søg i profilerne").fill("akvarier");
    await page.getByRole("button", { name: "Søg", exact: true }).click();
    await page.waitForURL("**/kandidater?**");
    await page.getByRole("heading", { level: 2, name: "1 kandidat" }).waitFor();
    await expectAccessible(page);
    expect(await page.locator("main").textContent()).not.toContain("Nina");
    await page.getByRole("link", { name: alias }).click();
    await h1(page).getByText(alias, { exact: true }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Send forespørgsel" }).click();
    await page.getByText("Skriv en kort besked til borgeren.").waitFor();
    await page.getByLabel("Besked").fill("Hej! Vi har et job i vores akvarieafdeling på 10 timer om ugen.");
    await page.getByRole("button", { name: "Send forespørgsel" }).click();
    await saved(page, "Din forespørgsel er sendt. Du får svar her, når borgeren har svaret.");
    expect(await page.locator("main").textContent()).not.toContain("Nina");
    await logout(page);

    // The flexjobber sees who asks, and says yes.
    await login(page, "ny@demo.refleks.dk");
    await openNav(page, "Beskeder");
    await page.waitForURL("**/beskeder");
    await page.getByRole("heading", { level: 3, name: "Demo Køkken ApS" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ja, del mine kontaktoplysninger med Demo Køkken ApS" }).click();
    await saved(page, "Du har sagt ja. Virksomheden kan nu se dit navn, din e-mail og dit telefonnummer.");
    await logout(page);

    // Now the company sees the name.
    await login(page, "virksomhed@demo.refleks.dk");
    await page.goto(`/kandidater/${encodeURIComponent(alias)}`);
    await h1(page).getByText(`Nina Nygaard (${alias})`).waitFor();
    await page.getByText("ny@demo.refleks.dk").first().waitFor();
    await expectAccessible(page);
  });

  it("the profile forms work with JavaScript turned off: Danish messages from the server, then saved", async (ctx) => {
    const page = await newPage(browser(), ctx, { javaScriptEnabled: false });
    await login(page, "peter.demo@example.dk", undefined, { scan: false });
    await page.goto("/profil/oensker");
    await page.getByLabel("Fra (timer)").fill("12");
    await page.getByLabel("Til (timer)").fill("30");
    await page.getByLabel("Dit postnummer").fill("0999");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await page.getByText("Vi kender ikke det postnummer. Tjek de 4 cifre.").waitFor();
    await page.getByLabel("Dit postnummer").fill("2900");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await saved(page);
    expect(await page.getByLabel("Dit postnummer").inputValue()).toBe("2900");
    expect(await page.getByLabel("Til (timer)").inputValue()).toBe("30");

    await page.goto("/profil/kompetencer");
    const certificates = page.getByRole("region", { name: "Certifikater og beviser" });
    await certificates.getByLabel("Tilføj et certifikat eller bevis").fill("Hygiejnebevis");
    await certificates.getByRole("button", { name: "Tilføj" }).click();
    await saved(page);
    await page.getByRole("button", { name: "Fjern Hygiejnebevis" }).waitFor();
    // The same again: a Danish message from the server, nothing added.
    await page.getByRole("region", { name: "Certifikater og beviser" }).getByLabel("Tilføj et certifikat eller bevis").fill("hygiejnebevis");
    await page.getByRole("region", { name: "Certifikater og beviser" }).getByRole("button", { name: "Tilføj" }).click();
    await page.getByRole("region", { name: "Certifikater og beviser" }).getByText("Den står allerede på listen.").waitFor();
    expect(await page.getByRole("button", { name: "Fjern Hygiejnebevis" }).count()).toBe(1);
    // Removed with the keyboard alone, and confirmed.
    await page.getByRole("button", { name: "Fjern Hygiejnebevis" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Det er fjernet fra din profil.").waitFor();
    expect(await page.getByRole("button", { name: "Fjern Hygiejnebevis" }).count()).toBe(0);
  });
});
