import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type AppServer, startAppServer } from "./app-server";
import { expectAccessible, expectNoSidewaysScroll, flash, login, newPage, openNav, useBrowser } from "./browser";

// "Drift", where an admin sees the platform run its own jobs and can run one by hand.
// A server of its own: the reminders it runs send the demo's notices, which the other journeys must not see.

const browser = useBrowser();
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
}, 120_000);
afterAll(async () => {
  await app.stop();
});

describe("Drift", () => {
  it("an admin sees the schedule, runs the reminders with 'Kør nu' and sees the new run; axe-clean at 1280 and 360 px", async (ctx) => {
    const page = await newPage(browser(), ctx, { baseURL: app.baseUrl, viewport: { width: 1280, height: 800 } });
    await login(page, "admin@demo.refleks.dk");
    await openNav(page, "Drift");
    await page.getByRole("heading", { level: 1, name: "Drift" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "Påmindelser og nyheder" });
    await expect.poll(() => row.textContent()).toMatch(/Ikke kørt endnu/);
    await expectAccessible(page);

    await row.getByRole("button", { name: "Kør Påmindelser og nyheder nu" }).click();
    await flash(page, "Jobbet er kørt.");
    await expect.poll(() => row.textContent()).toMatch(/startet her.*Gik godt: .*\d+ påmindelser om arrangementer, \d+ påmindelser om frister/);
    await expectAccessible(page);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });
});
