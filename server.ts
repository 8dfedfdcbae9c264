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
import { contentSecurityPolicy, newNonce } from "./app/security/csp.server";
import { isCrossSitePost } from "./app/security/origin.server";
import { sweepIncomingUploads } from "./app/content/uploads.server";
import { rebuildSearchIndexesIfStale } from "./app/search/reindex.server";

/** Migrates, seeds what an empty database needs, and tells whether the demo logins exist. */
async function openAndPrepare(): Promise<boolean> {
  const { db } = openDatabase(databasePath());
  try {
    await prepareDatabase(db);
    if (await rebuildSearchIndexesIfStale(db)) console.log("Søgeindekset er bygget om.");
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
};

async function main() {
  const hasDemo = await openAndPrepare();
  const swept = sweepIncomingUploads();
  if (swept > 0) console.log(`Fjernede ${swept} halve uploads fra sidste kørsel.`);
  const buildPath = path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, TRUST_PROXY tells express which X-Forwarded-For hops to believe (for rate limits).
  if (env.TRUST_PROXY) app.set("trust proxy", env.TRUST_PROXY);
  app.use((req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.set(SECURITY_HEADERS);
    res.set("Content-Security-Policy", contentSecurityPolicy(nonce, { development: env.NODE_ENV === "development" }));
    // Cross-site form posts are refused (SameSite=Lax cookies cover most, this covers the rest).
    if (isCrossSitePost(req.method, req.get("origin"), req.get("host"))) {
      res.status(403).type("text/plain").send("Forespørgslen kom fra en anden side og er afvist.");
      return;
    }
    next();
  });
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce), clientIp: req.ip ?? "unknown" }),
    }),
  );

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
