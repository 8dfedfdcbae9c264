// npm run dev:idp: a test OpenID provider on http://127.0.0.1:4100 standing in
// for MitID, MitID Erhverv and the municipality's staff login, so every
// login button can be tried locally. Start the app with the printed variables.
import { AUDIENCE_LABELS } from "../app/auth/oidc-config.server";
import { DEV_IDP_PORT } from "../app/demo/dev-identities";
import { DEMO_PEOPLE, startTestProvider } from "./idp/test-provider";

// The app's address decides the redirect URIs: give the same APP_URL or PORT as the app gets.
const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const port = Number(process.env.DEV_IDP_PORT ?? DEV_IDP_PORT);
const idp = await startTestProvider({ appUrl, port });

console.log(`Test login (not real MitID) is running on ${idp.issuer}, for the app on ${appUrl}.`);
console.log("\nStart the app in another window with:\n");
// The app must run on the address the provider knows: say it when it is not the default.
const appEnv: Record<string, string> = { ...(process.env.PORT ? { PORT: process.env.PORT } : {}), ...(process.env.APP_URL ? { APP_URL: appUrl } : {}) };
console.log(
  `${Object.entries({ ...appEnv, ...idp.env })
    .map(([k, v]) => `${k}=${v.includes(" ") ? `"${v}"` : v}`)
    .join(" \\\n")} \\\nnpm start`,
);
console.log("\nTest people:");
for (const p of DEMO_PEOPLE) {
  const audience = AUDIENCE_LABELS[p.audience].provider;
  console.log(`  ${p.claims.name} (${audience}${p.claims.cvr ? `, CVR ${p.claims.cvr}` : ""}${p.claims.email ? `, ${p.claims.email}` : ""})`);
}
console.log(
  "\nBente Berg is linked to borger@demo.refleks.dk in the demo data. Ida Iversen has no account. Karsten Kok's CVR is Demo Køkken ApS's; Nadia Nystartet's CVR is not on the platform (try Bed om adgang).",
);

const stop = () => void idp.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
