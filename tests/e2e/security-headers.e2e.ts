import http from "node:http";

import { describe, expect, inject, it } from "vitest";

import { DEMO_PASSWORD, newPage, useBrowser } from "./browser";

// Browser hardening, checked on the real server's responses.

const browser = useBrowser();

function cspOf(res: Response): Map<string, string> {
  const header = res.headers.get("Content-Security-Policy") ?? "";
  return new Map(
    header.split(";").map(
      (d) =>
        d
          .trim()
          .split(/\s+(.*)/s)
          .slice(0, 2) as [string, string],
    ),
  );
}

describe("Content-Security-Policy", () => {
  it("carries a fresh nonce that every script in the page has, and no 'unsafe-inline' for scripts", async () => {
    const base = inject("baseUrl");
    const first = await fetch(`${base}/login`);
    const second = await fetch(`${base}/login`);
    const csp = cspOf(first);
    const scriptSrc = csp.get("script-src") ?? "";
    const nonce = scriptSrc.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(cspOf(second).get("script-src")).not.toBe(scriptSrc);

    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("lets Remix hydrate: a client-side check runs before anything is sent, and no CSP violation is reported", async (ctx) => {
    const page = await newPage(browser(), ctx);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto("/login");
    await page.getByRole("button", { name: "Log ind" }).click();
    // Only the browser-side zod check shows this without a request.
    await expect.poll(() => page.getByText("Skriv din adgangskode.").isVisible()).toBe(true);
    expect(page.url()).toMatch(/\/login$/);
    expect(violations).toEqual([]);
  });

  it("answers a cross-site post, also from 'Origin: null', with 403 and not 500", async () => {
    const base = inject("baseUrl");
    for (const origin of ["null", "https://evil.example"]) {
      const res = await fetch(`${base}/login`, {
        method: "POST",
        headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: "email=a%40b.dk&password=x",
      });
      expect(res.status).toBe(403);
    }
  });
});

describe("operations", () => {
  it("GET /healthz answers 200 with JSON and no session, and every response carries a request id", async () => {
    const base = inject("baseUrl");
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, checks: { database: true, migrations: true } });
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect((await fetch(`${base}/login`)).headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("signed in, and strange methods", () => {
  it("every response to a signed-in person says no-store (pages and their ?_data); public pages and assets are cached as before", async () => {
    const base = inject("baseUrl");
    const login = await fetch(`${base}/login`, {
      method: "POST",
      headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "borger@demo.refleks.dk", password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    expect(login.status).toBe(302);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    for (const url of ["/profil/skaanebehov", "/profil/skaanebehov?_data=routes%2Fprofil_.skaanebehov", "/beskeder", "/mine-data.json"]) {
      const res = await fetch(`${base}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(res.status, url).toBe(200);
      expect(res.headers.get("Cache-Control"), url).toBe("no-store");
    }
    const asset = [...new Set((await (await fetch(`${base}/login`)).text()).match(/\/build\/[^"']+\.js/g) ?? [])][0]!;
    expect((await fetch(`${base}${asset}`, { headers: { Cookie: cookie } })).headers.get("Cache-Control")).toMatch(/immutable/);
  });

  it("TRACE, PUT and other methods the app does not use get 405, not 500", async () => {
    const base = inject("baseUrl");
    // fetch refuses to send TRACE, so plain node:http.
    const send = (method: string) =>
      new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
        const req = http.request(`${base}/login`, { method }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, allow: res.headers.allow });
        });
        req.on("error", reject);
        req.end();
      });
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      expect(await send(method), method).toEqual({ status: 405, allow: "GET, HEAD, POST" });
    }
  });
});

describe("first load", () => {
  it("compresses pages and scripts, and caches fingerprinted assets for a year", async () => {
    const base = inject("baseUrl");
    const page = await fetch(`${base}/login`, { headers: { "Accept-Encoding": "gzip" } });
    expect(page.headers.get("Content-Encoding")).toBe("gzip");
    const scripts = [...new Set((await page.text()).match(/\/build\/[^"']+\.js/g) ?? [])];
    expect(scripts.length).toBeGreaterThan(1);
    let compressed = 0;
    for (const script of scripts) {
      const asset = await fetch(`${base}${script}`, { headers: { "Accept-Encoding": "gzip" } });
      expect(asset.headers.get("Cache-Control"), script).toMatch(/max-age=31536000.*immutable/);
      const size = (await asset.arrayBuffer()).byteLength;
      // Below 1 kB compression does not pay; everything larger goes compressed.
      if (size > 1024) expect(asset.headers.get("Content-Encoding"), script).toBe("gzip");
      if (asset.headers.get("Content-Encoding") === "gzip") compressed++;
    }
    expect(compressed).toBeGreaterThan(0);
  });
});
