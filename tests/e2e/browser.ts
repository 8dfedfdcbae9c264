import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, type TestContext } from "vitest";

export const DEMO_PASSWORD = "refleks-demo";
const ARTIFACTS = path.resolve("tests/e2e/artifacts");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser context and page; a failing test leaves a screenshot in tests/e2e/artifacts/. */
export async function newPage(browser: Browser, ctx: TestContext, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject("baseUrl"), locale: "da-DK", ...options });
  const page = await context.newPage();
  ctx.onTestFailed(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${ctx.task.name.replace(/[^\w-]+/g, "_")}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot: ${file} (at ${page.url()})`);
  });
  ctx.onTestFinished(() => context.close());
  return page;
}

/** Fails on any serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(report, `axe on ${page.url()}`).toEqual([]);
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD, { scan = true } = {}): Promise<void> {
  await page.goto("/login");
  // axe runs as a script in the page, so it cannot scan with JavaScript turned off.
  if (scan) await expectAccessible(page);
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Adgangskode", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Log ud" }).click();
  await page.waitForURL("**/login?besked=logget-ud");
}

/** The link in the newest outbox message to this address (the server writes mail there without an API key). */
export async function linkFromOutbox(to: string): Promise<string> {
  const dir = inject("outboxDir");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort().reverse() : [];
    for (const file of files) {
      const mail = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { to: string; text: string };
      const link = mail.to === to ? mail.text.match(/https?:\/\/\S+/)?.[0] : undefined;
      if (link) return link;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${to} in ${dir}`);
}

/** One browser for a test file: launched before its tests, closed after. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("browser not started");
    return browser;
  };
}

/** Waits for the green status message shown after an action. */
export function flash(page: Page, text: string): Promise<void> {
  return page.getByRole("status").getByText(text).waitFor();
}

/** Follows a link in the main menu. */
export function openNav(page: Page, name: string): Promise<void> {
  return page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name, exact: true }).click();
}
