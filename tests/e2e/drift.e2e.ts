import { describe, expect, it } from "vitest";
import { expectAccessible, expectNoSidewaysScroll, flash, login, newPage, openNav, useBrowser } from "./browser";

// Issue 27: "Drift", where an admin sees the platform run its own jobs and can run one by hand.

const browser = useBrowser();

describe("Drift", () => {
  it("an admin sees the schedule, runs a job with 'Kør nu' and sees its result; at 360 px too", async (ctx) => {
    const page = await newPage(browser(), ctx);
    await login(page, "admin@demo.refleks.dk");
    await openNav(page, "Drift");
    await page.getByRole("heading", { level: 1, name: "Drift" }).waitFor();
    await expectAccessible(page);
    const row = page.getByRole("row").filter({ hasText: "Oprydning" });
    await row.getByRole("button", { name: /Kør Oprydning/ }).click();
    await flash(page, "Jobbet er kørt.");
    await expect.poll(() => row.textContent()).toMatch(/Gik godt: 0 halve logins fjernet/);
    await expectAccessible(page);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });
});
