import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

import { type Audience, AUDIENCE_SLUGS, AUDIENCES, ENV_PREFIX } from "../../app/auth/oidc-config.server";
import { DEMO_CITIZEN_SUBJECT } from "../../app/demo/dev-identities";

// A test OpenID provider on loopback (oidc-provider), standing in for the
// MitID broker, MitID Erhverv and the municipality's staff login: one client
// per audience, a handful of test people, and a plain page to pick one.
// Used by `npm run dev:idp` and by the tests; never in production.

export interface TestPerson {
  /** The persistent subject the provider gives the app. */
  sub: string;
  audience: Audience;
  claims: { name: string; email?: string; email_verified?: boolean; cvr?: string };
}

/** The people of `npm run dev:idp`; the demo data links Bente's MitID to borger@demo.refleks.dk. */
export const DEMO_PEOPLE: TestPerson[] = [
  { sub: DEMO_CITIZEN_SUBJECT, audience: "citizen", claims: { name: "Bente Berg" } },
  { sub: "mitid-ida-iversen", audience: "citizen", claims: { name: "Ida Iversen" } },
  { sub: "erhverv-karsten-kok", audience: "business", claims: { name: "Karsten Kok", email: "virksomhed@demo.refleks.dk", email_verified: true, cvr: "12345678" } },
  // A company not on the platform yet: "Bed om adgang" with MitID Erhverv from start to end.
  { sub: "erhverv-nadia-nystartet", audience: "business", claims: { name: "Nadia Nystartet", email: "nadia@nystartet.example", email_verified: true, cvr: "87654321" } },
  { sub: "kommune-mette-mortensen", audience: "staff", claims: { name: "Mette Mortensen", email: "medarbejder@demo.refleks.dk", email_verified: true } },
];

const SCOPES: Record<Audience, string> = { citizen: "openid", business: "openid profile email cvr", staff: "openid profile email" };
const AUDIENCE_NAMES: Record<Audience, string> = { citizen: "MitID (test)", business: "MitID Erhverv (test)", staff: "Kommunens login (test)" };

export interface TestProvider {
  issuer: string;
  /** The OIDC_* variables the app needs to use this provider. */
  env: Record<string, string>;
  provider: Provider;
  close(): Promise<void>;
}

function clientId(audience: Audience) {
  return `refleks-${audience}`;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
button{font:inherit;padding:.6rem 1rem;margin:.25rem 0;min-width:100%;text-align:left;cursor:pointer}button:focus{outline:3px solid #1a5fb4;outline-offset:2px}
.note{background:#fff3cd;padding:.5rem 1rem}</style></head><body><main>${body}</main></body></html>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

export async function startTestProvider(options: { appUrl: string; port?: number; people?: TestPerson[] }): Promise<TestProvider> {
  const people = options.people ?? DEMO_PEOPLE;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const audiences = AUDIENCES;
  const jwk = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const configuration: Configuration = {
    clients: audiences.map((audience) => ({
      client_id: clientId(audience),
      client_secret: `${clientId(audience)}-secret`,
      redirect_uris: [`${options.appUrl}/login/${AUDIENCE_SLUGS[audience]}/callback`],
      post_logout_redirect_uris: [`${options.appUrl}/login?besked=logget-ud`],
      token_endpoint_auth_method: "client_secret_post",
    })),
    jwks: { keys: [{ ...jwk, kid: "test-key", use: "sig", alg: "RS256" } as never] },
    cookies: { keys: ["refleks-test-provider-only"] },
    claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"], cvr: ["cvr"] },
    // The claims the scopes grant go in the ID token itself (the app reads no userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Short lives, as a broker's; set explicitly so oidc-provider does not warn about its defaults.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // No confirmation step: the app asked for the logout.
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = page(
            "Logger ud",
            `<h1>Logger ud …</h1>${form.replace("</form>", '<input type="hidden" name="logout" value="yes"><button type="submit">Fortsæt</button></form>')}<script>document.forms[0].submit()</script>`,
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // First-party clients: no consent screen.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? "openid"));
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, sub) => {
      const person = people.find((p) => p.sub === sub);
      return person ? { accountId: sub, claims: () => ({ sub, ...person.claims }) } : undefined;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();

  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const match = req.url?.match(/^\/interaction\/([\w-]+)(\/(login|abort))?$/);
    if (!match) return void handle(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === "POST" && match[3] === "login") {
          const sub = (await readForm(req)).get("person") ?? "";
          if (!people.some((p) => p.sub === sub)) throw new Error("unknown person");
          await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
          return;
        }
        if (req.method === "POST" && match[3] === "abort") {
          await provider.interactionFinished(req, res, { error: "access_denied", error_description: "Afbrudt" }, { mergeWithLastSubmission: false });
          return;
        }
        const audience = audiences.find((a) => clientId(a) === details.params.client_id) ?? "citizen";
        const choices = people
          .filter((p) => p.audience === audience)
          .map((p) => `<button type="submit" name="person" value="${escape(p.sub)}">${escape(p.claims.name)}${p.claims.cvr ? ` (CVR ${escape(p.claims.cvr)})` : ""}</button>`)
          .join("");
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(
          page(
            AUDIENCE_NAMES[audience],
            `<h1>${AUDIENCE_NAMES[audience]}</h1><p class="note">Et test-login til udvikling. Her er ingen rigtig MitID.</p>
<form method="post" action="/interaction/${details.uid}/login"><fieldset><legend>Log ind som</legend>${choices}</fieldset></form>
<form method="post" action="/interaction/${details.uid}/abort"><button type="submit">Afbryd</button></form>`,
          ),
        );
      } catch (error) {
        res.writeHead(400, { "Content-Type": "text/html; charset=utf-8" });
        res.end(page("Fejl", `<h1>Det gik ikke</h1><p>${escape(error instanceof Error ? error.message : String(error))}</p>`));
      }
    })();
  });

  const env: Record<string, string> = {};
  for (const audience of audiences) {
    env[`${ENV_PREFIX[audience]}ISSUER`] = issuer;
    env[`${ENV_PREFIX[audience]}CLIENT_ID`] = clientId(audience);
    env[`${ENV_PREFIX[audience]}CLIENT_SECRET`] = `${clientId(audience)}-secret`;
    env[`${ENV_PREFIX[audience]}SCOPES`] = SCOPES[audience];
  }
  env.OIDC_BUSINESS_CVR_CLAIM = "cvr";
  return {
    issuer,
    env,
    provider,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
