import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectAccessible, flash, login, logout, newPage, openNav, useBrowser } from "./browser";

const browser = useBrowser();

const EVENT = "Kaffemøde på biblioteket";
const ARTICLE = "Sådan forbereder du dig til en samtale";

async function openEvent(page: Page) {
  await openNav(page, "Arrangementer");
  await page.getByRole("link", { name: EVENT }).click();
  await page.getByRole("heading", { level: 1, name: EVENT }).waitFor();
}

describe("jobcenter tools", () => {
  it("event with one place: the second sign-up waits, and moves up when the first cancels", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await login(page, "medarbejder@demo.refleks.dk");
    await openNav(page, "Arrangementer");
    await page.getByRole("link", { name: "Nyt arrangement" }).click();
    await page.waitForURL("**/arrangementer/ny");
    await expectAccessible(page);
    await page.getByLabel("Titel").fill(EVENT);
    await page.getByLabel("Beskrivelse").fill("Kom og mød andre fleksjobbere over en kop kaffe.");
    const next = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Dato").fill(next);
    await page.getByLabel("Sted (adresse)").fill("Hovedbiblioteket, mødelokale 2");
    await page.getByLabel("Antal pladser").fill("1");
    await page.getByRole("button", { name: "Opret arrangement" }).click();
    await flash(page, "Arrangementet er gemt.");
    await expectAccessible(page);
    await logout(page);

    await login(page, "hanne.demo@example.dk");
    await openEvent(page);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Tilmeld mig" }).click();
    await flash(page, "Du er tilmeldt. Vi sender en påmindelse dagen før.");
    await logout(page);

    await login(page, "jamal.demo@example.dk");
    await openEvent(page);
    await page.getByRole("button", { name: "Skriv mig på ventelisten" }).click();
    await flash(page, "Der er fuldt. Du er på ventelisten og får besked, hvis du får en plads.");
    await page.getByText("Du er på venteliste", { exact: true }).waitFor();
    await logout(page);

    await login(page, "hanne.demo@example.dk");
    await openEvent(page);
    await page.getByRole("button", { name: "Meld fra" }).click();
    await flash(page, "Du er meldt fra.");
    await logout(page);

    await login(page, "jamal.demo@example.dk");
    await openEvent(page);
    await page.getByText("Du er tilmeldt", { exact: true }).waitFor();
    const ics = await page.request.get(new URL((await page.getByRole("link", { name: /kalender/ }).getAttribute("href")) ?? "", page.url()).toString());
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toContain(`SUMMARY:${EVENT}`);
    await logout(page);

    // Staff see who is coming.
    await login(page, "medarbejder@demo.refleks.dk");
    await openEvent(page);
    const table = page.getByRole("region", { name: "Deltagere og venteliste" });
    await table.getByText("Jamal Jensen").first().waitFor();
    expect(await table.textContent()).not.toContain("Hanne");
    await expectAccessible(page);
  });

  it("staff publish an article with a video and captions; a flexjobber reads it", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await login(page, "medarbejder@demo.refleks.dk");
    await openNav(page, "Viden");
    await page.getByRole("link", { name: "Ny artikel eller video" }).click();
    await page.waitForURL("**/viden/ny");
    await expectAccessible(page);
    await page.getByLabel("En video").check();
    await page.getByLabel("Titel").fill(ARTICLE);
    await page.getByLabel("Kort resumé").fill("Fem gode råd før du møder en ny arbejdsgiver.");
    await page.getByLabel("Tekst", { exact: true }).fill("## Fem råd\n\n- Tag en ven med til døren\n- Spørg om **pauser**\n\n<script>alert(1)</script>");
    await page.getByLabel("Emneord (adskilt med komma)").fill("samtale, råd");
    await page.getByLabel("Hvem er det for?").selectOption("flexjobbers");
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(2000)]);
    await page.getByLabel("Videofil (mp4 eller webm)").setInputFiles({ name: "samtale.mp4", mimeType: "video/mp4", buffer: mp4 });
    await page
      .getByLabel("Undertekster (WebVTT, .vtt)")
      .setInputFiles({ name: "samtale.vtt", mimeType: "text/vtt", buffer: Buffer.from("WEBVTT\n\n00:00.000 --> 00:02.000\nVelkommen.\n") });
    await page.getByLabel("Udgivet").check();
    await page.getByRole("button", { name: "Gem" }).click();
    await flash(page, "Det er gemt.");
    await page.getByRole("heading", { level: 1, name: ARTICLE }).waitFor();
    await expectAccessible(page);
    await logout(page);

    await login(page, "hanne.demo@example.dk");
    await openNav(page, "Viden");
    await page.getByRole("link", { name: "samtale", exact: true }).click();
    await page.getByRole("link", { name: ARTICLE }).click();
    await page.getByRole("heading", { level: 1, name: ARTICLE }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Fem råd" }).waitFor();
    expect(await page.locator("main script").count()).toBe(0);
    await page.getByText("<script>alert(1)</script>").waitFor();
    expect(await page.locator("video track[kind=captions]").count()).toBe(1);
    const src = await page.locator("video source").getAttribute("src");
    const part = await page.request.get(new URL(src ?? "", page.url()).toString(), { headers: { Range: "bytes=4-11" } });
    expect(part.status()).toBe(206);
    expect(await part.text()).toBe("ftypmp42");
    await expectAccessible(page);
    await logout(page);

    await login(page, "medarbejder@demo.refleks.dk");
    await openNav(page, "Viden");
    // This article's card (other journeys may have read the demo articles by now).
    await page
      .getByRole("article", { name: ARTICLE })
      .getByText(/Udgivet · Læst af 1/)
      .waitFor();
  });
});
