import { describe, expect, it } from "vitest";

import { expectAccessible, login, mainMenu, newPage, openNav, useBrowser } from "./browser";

const browser = useBrowser();

describe("conversations", () => {
  it("the company writes → the flexjobber's unread badge changes without a reload → she answers and invites her consultant → the consultant reads and writes → she reports a message, staff see it", async (ctx) => {
    const flex = await newPage(browser(), ctx);
    const company = await newPage(browser(), ctx);
    const staff = await newPage(browser(), ctx, { viewport: { width: 360, height: 780 } });

    await login(flex, "jamal.demo@example.dk", undefined, { scan: false });
    const beskeder = (await mainMenu(flex)).getByRole("link", { name: /^Beskeder/ });
    await expect.poll(() => beskeder.textContent()).toBe("Beskeder");

    await login(company, "virksomhed@demo.refleks.dk", undefined, { scan: false });
    await openNav(company, "Beskeder");
    await company.waitForURL("**/beskeder");
    await expectAccessible(company);
    await company.getByRole("link", { name: /^Jamal Jensen: Køkkenmedhjælper/ }).click();
    await company.getByRole("heading", { level: 1, name: "Køkkenmedhjælper i kantinen" }).waitFor();
    await expectAccessible(company);
    await company.getByLabel("Skriv en besked").fill("Kan du komme tirsdag kl. 10? Se https://example.dk/vej");
    await company.getByRole("button", { name: "Send", exact: true }).click();
    await company.getByRole("status").getByText("Beskeden er sendt.").waitFor();
    expect(await company.getByRole("link", { name: "https://example.dk/vej" }).count()).toBe(1);

    // No reload on the flexjobber's side: the badge follows the server-sent events.
    await expect.poll(() => beskeder.textContent(), { timeout: 10_000 }).toBe("Beskeder 1 ny besked");
    await beskeder.click();
    await flex.waitForURL("**/beskeder");
    await flex.getByRole("link", { name: /^Demo Køkken ApS: Køkkenmedhjælper/ }).click();
    await flex.getByText("Kan du komme tirsdag kl. 10?").waitFor();
    await expect.poll(() => beskeder.textContent()).toBe("Beskeder");
    await expectAccessible(flex);
    await flex.getByLabel("Skriv en besked").fill("Ja, det passer fint.");
    await flex.getByRole("button", { name: "Send", exact: true }).click();
    await flex.getByRole("status").getByText("Beskeden er sendt.").waitFor();
    await flex.getByRole("button", { name: "Inviter min jobkonsulent" }).click();
    await flex.getByRole("status").getByText("Jobkonsulenten er inviteret og kan nu læse og skrive med.").waitFor();

    // The open conversation on the company's side shows the answer without a reload too.
    await company.getByText("Ja, det passer fint.").waitFor({ timeout: 10_000 });

    await login(staff, "medarbejder@demo.refleks.dk", undefined, { scan: false });
    await openNav(staff, "Beskeder");
    await staff.waitForURL("**/beskeder");
    await expectAccessible(staff);
    await staff.getByRole("link", { name: /Demo Køkken ApS og Jamal Jensen: Køkkenmedhjælper/ }).click();
    await staff.getByText("Ja, det passer fint.").waitFor();
    await expectAccessible(staff);
    await staff.getByLabel("Skriv en besked").fill("Jeg kommer gerne med til samtalen.");
    await staff.getByRole("button", { name: "Send", exact: true }).click();
    await staff.getByRole("status").getByText("Beskeden er sendt.").waitFor();
    await flex.getByText("Jeg kommer gerne med til samtalen.").waitFor({ timeout: 10_000 });
    await flex.getByText("Mette Mortensen (Jobcentret)").first().waitFor();

    // She reports one of the company's messages; staff find it under Indberetninger.
    await flex.getByText("Anmeld", { exact: false }).first().click();
    await flex.getByLabel("Hvad er der galt? (frivilligt)").first().fill("Tonen var ubehagelig.");
    await flex.getByRole("button", { name: "Send anmeldelse til jobcentret" }).first().click();
    await flex.getByRole("status").getByText("Tak. Jobcentret kigger på beskeden.").waitFor();
    await expectAccessible(flex);
    await openNav(staff, "Indberetninger");
    await staff.waitForURL("**/indberetninger");
    await staff.getByText("Begrundelse: Tonen var ubehagelig.").waitFor();
    await expectAccessible(staff);
  });
});
