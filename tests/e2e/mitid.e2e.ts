import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort } from "../free-port";
import { type AppServer, startAppServer } from "./app-server";
import { expectAccessible, newPage, useBrowser } from "./browser";

// With `npm run dev:idp` running and the app started with the variables it
// prints, the demo citizen logs in through "Log ind med MitID".

const browser = useBrowser();
let idp: ChildProcess;
let app: AppServer;

/** Starts `npm run dev:idp` for an app at appUrl and reads the OIDC_* variables it prints. */
async function startDevIdp(appUrl: string): Promise<Record<string, string>> {
  idp = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/dev-idp.ts"], { env: { ...process.env, APP_URL: appUrl }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  idp.stderr?.on("data", (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev:idp did not start:\n${output}`)), 30_000);
    idp.stdout?.on("data", (d) => {
      output += d;
      if (!output.includes("npm start")) return;
      clearTimeout(timer);
      const env: Record<string, string> = {};
      for (const [, key, value] of output.matchAll(/^(OIDC_\w+)=("[^"]*"|\S+)/gm)) env[key!] = value!.replace(/^"|"$/g, "");
      resolve(env);
    });
    idp.on("exit", () => reject(new Error(`dev:idp exited:\n${output}`)));
  });
}

beforeAll(async () => {
  const port = await freePort();
  const env = await startDevIdp(`http://localhost:${port}`);
  expect(Object.keys(env)).toContain("OIDC_CITIZEN_ISSUER");
  app = await startAppServer(env, port);
});

afterAll(async () => {
  await app?.stop();
  idp?.kill("SIGTERM");
});

describe("Log ind med MitID", () => {
  it("the demo citizen logs in with the test MitID and lands on her profile; logging out ends at the provider too", async (ctx) => {
    const page = await newPage(browser(), ctx, { baseURL: app.baseUrl, viewport: { width: 360, height: 780 } });
    await page.goto("/profil");
    await page.waitForURL("**/login?redirectTo=%2Fprofil");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Log ind med MitID", exact: true }).click();

    // The test provider's page.
    await page.getByRole("heading", { level: 1, name: "MitID (test)" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Bente Berg" }).click();

    await page.waitForURL(`${app.baseUrl}/profil`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/profil/i);
    await expectAccessible(page);

    await page.goto("/min-konto");
    await page.getByText(/Din konto er knyttet til MitID siden/).waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Log ud" }).click();
    await page.waitForURL("**/login?besked=logget-ud");
    await page.goto("/profil");
    await page.waitForURL("**/login?redirectTo=%2Fprofil");
  });

  it("a MitID with no account gets the calm page about invitations", async (ctx) => {
    const page = await newPage(browser(), ctx, { baseURL: app.baseUrl });
    await page.goto("/login");
    await page.getByRole("button", { name: "Log ind med MitID", exact: true }).click();
    await page.getByRole("button", { name: "Ida Iversen" }).click();
    await page.getByRole("heading", { level: 1, name: "Du har ikke en konto endnu" }).waitFor();
    await expectAccessible(page);
  });

  it("works with JavaScript turned off: plain forms all the way", async (ctx) => {
    const page = await newPage(browser(), ctx, { baseURL: app.baseUrl, javaScriptEnabled: false });
    await page.goto("/login");
    await page.getByRole("button", { name: "Log ind med MitID", exact: true }).click();
    await page.getByRole("button", { name: "Bente Berg" }).click();
    await page.waitForURL(`${app.baseUrl}/`);
    await page.getByRole("heading", { level: 1, name: /Hej Bente/ }).waitFor();
  });

  it("an access request filled in with MitID Erhverv shows the verified CVR, name and email, without JavaScript too, and is sent", async (ctx) => {
    // Without JavaScript: plain forms through the provider and back.
    const plain = await newPage(browser(), ctx, { baseURL: app.baseUrl, javaScriptEnabled: false });
    await plain.goto("/adgang");
    await plain.getByRole("button", { name: "Udfyld med MitID Erhverv" }).click();
    await plain.getByRole("button", { name: /Nadia Nystartet/ }).click();
    await plain.waitForURL(`${app.baseUrl}/adgang`);
    expect(await plain.getByLabel("CVR-nummer").inputValue()).toBe("87654321");
    expect(await plain.getByLabel("Kontaktpersonens e-mail").inputValue()).toBe("nadia@nystartet.example");

    const page = await newPage(browser(), ctx, { baseURL: app.baseUrl, viewport: { width: 360, height: 780 } });
    await page.goto("/adgang");
    await page.getByRole("button", { name: "Udfyld med MitID Erhverv" }).click();
    await page.getByRole("button", { name: /Nadia Nystartet/ }).click();
    await page.waitForURL(`${app.baseUrl}/adgang`);
    await page.getByText("MitID Erhverv har bekræftet CVR-nummer 87654321").waitFor();
    expect(await page.getByLabel("CVR-nummer").inputValue()).toBe("87654321");
    expect(await page.getByLabel("Kontaktperson", { exact: true }).inputValue()).toBe("Nadia Nystartet");
    expect(await page.getByLabel("CVR-nummer").getAttribute("readonly")).not.toBeNull();
    // Verified fields look like what they are: not for editing.
    expect(await page.getByLabel("CVR-nummer").evaluate((el) => getComputedStyle(el).borderStyle)).toBe("dashed");
    expect(await page.getByLabel("Kontaktpersonens e-mail").inputValue()).toBe("nadia@nystartet.example");
    await expectAccessible(page);
    await page.getByLabel("Virksomhedens navn").fill("Nystartet ApS");
    await page.getByRole("button", { name: "Send anmodning" }).click();
    await page.waitForURL(`${app.baseUrl}/adgang/tak`);
  });

  it("MitID Erhverv for a company already on the platform leads to the login, not to a form that ends in 'taken'", async (ctx) => {
    const page = await newPage(browser(), ctx, { baseURL: app.baseUrl, viewport: { width: 360, height: 780 } });
    await page.goto("/adgang");
    await page.getByRole("button", { name: "Udfyld med MitID Erhverv" }).click();
    await page.getByRole("button", { name: /Karsten Kok/ }).click();
    await page.waitForURL(`${app.baseUrl}/adgang`);
    await page.getByRole("heading", { level: 1, name: "Jeres virksomhed er allerede på Refleks" }).waitFor();
    expect(await page.getByLabel("CVR-nummer").count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Gå til log ind" }).click();
    await page.waitForURL(`${app.baseUrl}/login`);
  });
});
