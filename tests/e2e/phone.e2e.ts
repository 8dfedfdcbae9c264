import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoSidewaysScroll, login, newPage, useBrowser } from "./browser";

const browser = useBrowser();
const PHONE = { viewport: { width: 360, height: 780 } };

/** One page per kind: /job/22 and /job/23 are the same page, as are two filters of one search. */
function pageKind(url: URL): string {
  const path = url.pathname.replace(/\/\d+(?=\/|$)/g, "/:id").replace(/\/[a-z]+-\d+(?=\/|$)/g, "/:alias");
  return `${path}?${[...new Set(url.searchParams.keys())].sort().join("&")}`;
}

/** Downloads and things that are not pages. */
function skip(url: URL, origin: string): boolean {
  return url.origin !== origin || /\.(csv|json|ics|pdf|png|jpe?g|webp|mp4|vtt)$/.test(url.pathname) || url.pathname.startsWith("/uploads/") || url.pathname.endsWith("/video");
}

/**
 * Visits every kind of page a role can reach by following links from its front
 * page, at 360 px: none may scroll sideways, and each passes expectAccessible.
 */
async function crawl(page: Page, limit = 70): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const queue = [new URL("/", origin).href];
  const seen = new Set<string>();
  const visited: string[] = [];
  while (queue.length && visited.length < limit) {
    const url = new URL(queue.shift()!);
    const kind = pageKind(url);
    if (seen.has(kind)) continue;
    seen.add(kind);
    const res = await page.goto(url.href);
    expect(res?.status(), url.href).toBeLessThan(400);
    // A video, subtitles or a download reached by a plain link: not a page.
    if (!res?.headers()["content-type"]?.startsWith("text/html")) continue;
    visited.push(url.pathname + url.search);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    const hrefs = await page.locator("a[href]:not([download])").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const next = new URL(href);
      next.hash = "";
      if (!skip(next, origin) && !seen.has(pageKind(next))) queue.push(next.href);
    }
  }
  return visited;
}

describe("phones (360 px)", () => {
  it("no public page scrolls sideways", { timeout: 120_000 }, async (ctx) => {
    const page = await newPage(browser(), ctx, PHONE);
    await page.goto("/");
    const visited = await crawl(page);
    expect(visited.length).toBeGreaterThanOrEqual(4);
  });

  for (const [role, email, atLeast] of [
    // Not the demo login ny@: opening her profile pages would start the profile another journey starts.
    ["flexjobber", "hanne.demo@example.dk", 15],
    ["company", "virksomhed@demo.refleks.dk", 12],
    ["staff", "medarbejder@demo.refleks.dk", 20],
    ["admin", "admin@demo.refleks.dk", 20],
  ] as const) {
    it(`no ${role} page scrolls sideways, and every one passes axe`, { timeout: 300_000 }, async (ctx) => {
      const page = await newPage(browser(), ctx, PHONE);
      await login(page, email, undefined, { scan: false });
      const visited = await crawl(page);
      console.log(`${role}: ${visited.length} pages at 360 px`);
      expect(visited.length).toBeGreaterThanOrEqual(atLeast);
    });
  }
});
