/**
 * The production (and dev) HTTP server: migrates the database, seeds the demo
 * municipality into an empty database, adds security headers and serves Remix.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import { databasePath, openDatabase } from "./db/kysely";
import { prepareDatabase } from "./db/prepare";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "./db/seed-demo";
import { env } from "./app/env.server";

/** Migrates, seeds what an empty database needs, and tells whether the demo logins exist. */
async function openAndPrepare(): Promise<boolean> {
  const { db } = openDatabase(databasePath());
  try {
    await prepareDatabase(db);
    const users = await db.selectFrom("users").select("id").limit(1).execute();
    if (users.length === 0 && process.env.SEED_DEMO !== "false") {
      await seedDemo(db);
      console.log("Demo-kommunen \"Jobcenter Demo\" er oprettet.");
    }
    const demo = await db.selectFrom("users").select("id").where("email", "=", DEMO_LOGINS[0].email).executeTakeFirst();
    return Boolean(demo);
  } finally {
    await db.destroy();
  }
}

const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  // Invitation links carry a token in the path: never send it to another site.
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Content-Security-Policy": [
    "default-src 'self'",
    // Remix inlines its hydration data; a nonce would be stricter (see README).
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${env.NODE_ENV === "development" ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; "),
};

async function main() {
  const hasDemo = await openAndPrepare();
  const buildPath = path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    res.set(SECURITY_HEADERS);
    // Cross-site form posts are refused (SameSite=Lax cookies cover most, this covers the rest).
    const origin = req.get("origin");
    if (!["GET", "HEAD", "OPTIONS"].includes(req.method) && origin && new URL(origin).host !== req.get("host")) {
      res.status(403).type("text/plain").send("Forespørgslen kom fra en anden side og er afvist.");
      return;
    }
    next();
  });
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: build.mode }));

  const server = app.listen(env.PORT, () => {
    console.log(`${env.BRAND_NAME} kører på http://localhost:${env.PORT}`);
    if (hasDemo) {
      console.log(`\nDemo-logins (adgangskode: ${DEMO_PASSWORD}):`);
      for (const login of DEMO_LOGINS) console.log(`  ${login.label.padEnd(30)} ${login.email}`);
      console.log("");
    }
    if (env.NODE_ENV === "development") void broadcastDevReady(build);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
