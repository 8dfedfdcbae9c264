import { describe, expect, it } from "vitest";

import { expectAccessible, flash, login, logout, newPage, openNav, useBrowser } from "./browser";

// A consultant fills in a citizen's profile with her at a meeting,
// and the citizen sees on her next login what was written and by whom.

const browser = useBrowser();

describe("Udfyld profilen sammen med borgeren", () => {
  it("staff start it on the citizen's page, write in her editor, end it; she sees what was written and marks it seen", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await login(page, "medarbejder@demo.refleks.dk");
    // The menu counts the rows of Opfølgning.
    await expect.poll(() => page.getByRole("link", { name: /^Opfølgning \d+ at følge op på$/ }).count()).toBeGreaterThan(0);
    await openNav(page, "Borgere");
    await page.getByLabel("Navn, e-mail eller telefon").fill("Leif");
    await page.getByRole("button", { name: "Søg" }).click();
    await page.getByRole("link", { name: "Leif Lund", exact: true }).click();
    await page.getByRole("heading", { name: "Udfyld profilen sammen med borgeren" }).waitFor();

    // Not without her yes.
    await page.getByRole("button", { name: "Udfyld profilen sammen med borgeren" }).click();
    await page.getByText("Sæt kryds, når borgeren er med og siger ja.").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Leif Lund er her og vil gerne udfylde profilen sammen med mig").check();
    await page.getByRole("button", { name: "Udfyld profilen sammen med borgeren" }).click();
    await page.waitForURL("**/profil");
    await page.getByRole("heading", { name: "Profil for Leif Lund" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Om dig", exact: true }).click();
    await page.getByLabel("Overskrift").fill("Rolig lagermand med styr på varerne");
    await page.getByRole("button", { name: "Gem" }).click();
    await flash(page, "Det er gemt.");
    await page.getByRole("button", { name: "Afslut og gå tilbage til borgeren" }).click();
    await page.getByRole("heading", { name: "Leif Lund" }).waitFor();
    await logout(page);

    await login(page, "leif.demo@example.dk");
    await page.goto("/profil");
    const notice = page.getByRole("region", { name: "Det har jobcentret skrevet sammen med dig" });
    await notice.getByText(/Om dig: /).waitFor();
    await expectAccessible(page);
    await notice.getByRole("button", { name: "Jeg har set det" }).click();
    await flash(page, "Det er gemt.");
    await expect.poll(() => page.getByRole("region", { name: "Det har jobcentret skrevet sammen med dig" }).count()).toBe(0);
  });
});
