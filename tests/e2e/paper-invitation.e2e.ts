import { describe, expect, it } from "vitest";

import { expectAccessible, login, logout, newPage, openNav, useBrowser } from "./browser";

// A citizen who is not online gets her invitation on paper.

const browser = useBrowser();

describe("Invitation on paper", () => {
  it("staff print a one-page A4 letter with a code; the citizen types the code and reaches her invitation", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await login(page, "medarbejder@demo.refleks.dk");
    await openNav(page, "Borgere");
    await page.getByLabel("Navn, e-mail eller telefon").fill("Maja Larsen");
    await page.getByRole("button", { name: "Søg" }).click();
    await page.getByRole("link", { name: "Maja Larsen" }).click();
    await page.getByRole("link", { name: "Udskriv invitation" }).click();
    await page.getByRole("button", { name: "Lav brevet" }).click();
    const letter = page.getByRole("article", { name: "Brevet" });
    await letter.waitFor();
    await expectAccessible(page);
    const code = (await letter.locator(".letter-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);

    // The print preview: one A4 page, without the app's header and menu.
    await page.emulateMedia({ media: "print" });
    const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.emulateMedia({ media: "screen" });
    await logout(page);

    await page.goto("/kode");
    await expectAccessible(page);
    await page.getByLabel("Kode fra brevet").fill(code.toLowerCase());
    await page.getByRole("button", { name: "Videre" }).click();
    await page.waitForURL("**/invitation/**");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/Velkommen|invitation/i);
    await expectAccessible(page);
  });
});
