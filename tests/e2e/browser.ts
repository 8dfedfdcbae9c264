import fs from "node:fs";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, type TestContext } from "vitest";

export const DEMO_PASSWORD = "refleks-demo";
const ARTIFACTS = path.resolve("tests/e2e/artifacts");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
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

/**
 * Fails on any serious or critical axe violation on the page as it is now, on
 * colour contrast axe could not decide ("incomplete" counts as a failure, so
 * an unreadable button cannot hide behind an undecidable background), and on
 * any button whose text is unreadable at rest or with keyboard focus.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = [...results.violations.filter((v) => v.impact === "serious" || v.impact === "critical"), ...results.incomplete.filter((v) => v.id === "color-contrast")];
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`).join(", ")}`);
  expect(report, `axe on ${page.url()}`).toEqual([]);
  expect(await unreadableButtons(page), `button contrast on ${page.url()}`).toEqual([]);
}

/**
 * Every visible button (and link styled as one), at rest and focused: its text
 * against the nearest solid background must reach 4.5:1, and focus must draw
 * an outline. Returns the ones that do not, described for the failure message.
 */
export async function unreadableButtons(page: Page): Promise<string[]> {
  // A key press first, so the browser treats the focus below as keyboard focus (:focus-visible).
  await page.keyboard.press("Shift");
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number; a: number };
    const rgba = (c: string): Rgba | null => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }: Rgba) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const check = (el: HTMLElement, state: string): string[] => {
      let bg: Rgba | null = null;
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== "none") return []; // undecidable: axe reports it as incomplete
        const c = rgba(style.backgroundColor);
        if (c && c.a > 0) {
          bg = c;
          break;
        }
      }
      bg ??= { r: 255, g: 255, b: 255, a: 1 };
      const style = getComputedStyle(el);
      const fg = rgba(style.color);
      if (!fg) return [];
      const mix = { r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a), a: 1 };
      const [hi, lo] = [lum(mix), lum(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      const problems: string[] = [];
      if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}:1 ${state}`);
      if (state === "focused" && style.outlineStyle === "none" && style.boxShadow === "none") problems.push("no focus outline");
      return problems;
    };
    const failures: string[] = [];
    const targets = [...document.querySelectorAll<HTMLElement>("button, a.button, summary")].filter((el) => el.checkVisibility());
    for (const el of targets) {
      const problems = check(el, "at rest");
      el.focus({ preventScroll: true });
      problems.push(...check(el, "focused"));
      if (problems.length) failures.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}": ${problems.join(", ")}`);
    }
    (document.activeElement as HTMLElement | null)?.blur();
    return failures;
  });
}

/** Fails when the page is wider than the window (it would scroll sideways). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `width of ${page.url()}`).toBeLessThanOrEqual(clientWidth);
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

/** The main menu, unfolded if it is folded behind "Menu" (on a phone). */
export async function mainMenu(page: Page) {
  const nav = page.getByRole("navigation", { name: "Hovedmenu" });
  const toggle = nav.getByRole("button", { name: "Menu" });
  await nav.waitFor();
  if (!(await toggle.isVisible())) return nav;
  // Until React has hydrated, the button does nothing yet: press until the menu opens.
  await expect
    .poll(
      async () => {
        if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
        return toggle.getAttribute("aria-expanded");
      },
      { timeout: 10_000, interval: 300 },
    )
    .toBe("true");
  return nav;
}

/** Follows a link in the main menu. */
export async function openNav(page: Page, name: string): Promise<void> {
  // "Beskeder" may carry its unread count ("Beskeder 2 nye beskeder"), "Opfølgning" its rows ("Opfølgning 12 at følge op på").
  const label = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s*\\d+( nye?(\\s*besked(er)?)?| at følge op på))?$`);
  await (await mainMenu(page)).getByRole("link", { name: label }).click();
}
