import { randomBytes } from "node:crypto";

import { redirect } from "@remix-run/node";
import * as client from "openid-client";

import { appUrl, secureCookies } from "~/env.server";
import { logError, logInfo } from "~/ops/log.server";

import type { Db } from "../../db/kysely";
import { type Audience, AUDIENCE_SLUGS, type AudienceConfig, audienceConfig, audienceFromSlug } from "./oidc-config.server";

// The one OpenID Connect client (openid-client): authorization code flow with
// PKCE, state and nonce, ID-token validation, and logout at the provider.
// Each round trip is a row in `oidc_logins`; the browser only holds its id in
// a cookie, so a callback from another browser, a replayed one, or one with
// a changed state or code finds nothing to finish.

/** What a round trip to the provider is for. */
export type OidcPurpose =
  | { kind: "login"; redirectTo: string }
  | { kind: "invitation"; token: string }
  | { kind: "link"; userId: string }
  /** A new email for an account without a password: proved by its linked identity instead. */
  | { kind: "email"; userId: string; newEmail: string }
  | { kind: "access-request" };

/** A person as the provider vouched for them (never a CPR number: we ask for none and keep none). */
export interface VerifiedIdentity {
  audience: Audience;
  issuer: string;
  /** The provider's persistent, pairwise subject. */
  subject: string;
  name: string | null;
  email: string | null;
  emailVerified: boolean;
  cvr: string | null;
  idToken: string;
}

const COOKIE = "refleks_oidc";
/** Time to get through the provider's login, and then to fill in the form that uses the identity. */
const ROUND_TRIP_MINUTES = 30;

/** The audience of /login/<slug> (and its callback); a 404 when the slug is unknown or its provider not configured. */
export function requireConfiguredAudience(slug: string | undefined): Audience {
  const audience = audienceFromSlug(slug);
  if (!audience || !audienceConfig(audience)) throw new Response("Not found", { status: 404 });
  return audience;
}

/** Round trips started before this are stale. */
/** Forgets round trips nobody finished (the hourly sweep; a new login does it too). */
export async function sweepOidcLogins(db: Db, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("oidcLogins").where("createdAt", "<", freshSince(now)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function freshSince(now: Date): string {
  return new Date(now.getTime() - ROUND_TRIP_MINUTES * 60_000).toISOString();
}

export function callbackUrl(audience: Audience): string {
  return `${appUrl()}/login/${AUDIENCE_SLUGS[audience]}/callback`;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's metadata and keys, fetched once per process (again after a failure). */
function providerFor(cfg: AudienceConfig): Promise<client.Configuration> {
  const key = JSON.stringify([cfg.issuer.href, cfg.clientId, cfg.clientSecret]);
  let found = discovered.get(key);
  if (!found) {
    // Plain http only for a provider on this machine (npm run dev:idp, tests).
    const local = cfg.issuer.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(cfg.issuer.hostname);
    found = client.discovery(
      cfg.issuer,
      cfg.clientId,
      cfg.clientSecret,
      cfg.clientSecret ? client.ClientSecretPost(cfg.clientSecret) : client.None(),
      local ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/** The provider could not be reached: the page says so (503) instead of failing. */
export class ProviderUnavailable extends Error {}

async function providerOrUnavailable(cfg: AudienceConfig): Promise<client.Configuration> {
  try {
    return await providerFor(cfg);
  } catch (error) {
    logError(`identity provider for ${cfg.audience} unreachable`, error);
    throw new ProviderUnavailable(cfg.audience);
  }
}

function cookieHeader(value: string, maxAgeSeconds: number): string {
  return [`${COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`, secureCookies() ? "Secure" : ""].filter(Boolean).join("; ");
}

function roundTripId(request: Request): string | null {
  const cookies = request.headers.get("Cookie") ?? "";
  const match = cookies.match(new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]+)`));
  return match?.[1] ?? null;
}

/** Clears the round trip's cookie once it is used. */
export const forgetRoundTripCookie = cookieHeader("", 0);

/** Starts a round trip: remembers it, and sends the browser to the provider. */
export async function beginOidc(db: Db, audience: Audience, purpose: OidcPurpose, now = new Date()): Promise<Response> {
  const cfg = audienceConfig(audience);
  if (!cfg) throw new Response("Not found", { status: 404 });
  const config = await providerOrUnavailable(cfg);
  const id = randomBytes(24).toString("base64url");
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await db.deleteFrom("oidcLogins").where("createdAt", "<", freshSince(now)).execute();
  await db
    .insertInto("oidcLogins")
    .values({ id, audience, state, nonce, codeVerifier, purpose: JSON.stringify(purpose), createdAt: now.toISOString(), claims: null, verifiedAt: null })
    .execute();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(audience),
    scope: cfg.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return redirect(url.href, { headers: { "Set-Cookie": cookieHeader(id, ROUND_TRIP_MINUTES * 60) } });
}

export type CallbackResult = { ok: true; roundTrip: string; purpose: OidcPurpose; identity: VerifiedIdentity } | { ok: false; reason: "rejected" | "cancelled" };

/**
 * The provider sent the browser back. The code is exchanged (with the PKCE
 * verifier) and the ID token checked (signature, issuer, audience = our
 * client, expiry, nonce); the state must be this browser's. Anything off
 * ends the round trip: it cannot be tried again.
 */
export async function completeOidc(db: Db, request: Request, audience: Audience, now = new Date()): Promise<CallbackResult> {
  const cfg = audienceConfig(audience);
  if (!cfg) throw new Response("Not found", { status: 404 });
  const id = roundTripId(request);
  const row = id
    ? await db
        .selectFrom("oidcLogins")
        .selectAll()
        .where("id", "=", id)
        .where("audience", "=", audience)
        .where("verifiedAt", "is", null)
        .where("createdAt", ">=", freshSince(now))
        .executeTakeFirst()
    : undefined;
  if (!row) return { ok: false, reason: "rejected" };
  // Used up whatever happens next.
  await db.deleteFrom("oidcLogins").where("id", "=", row.id).execute();
  const params = new URL(request.url).searchParams;
  if (params.get("error") === "access_denied") return { ok: false, reason: "cancelled" };
  const config = await providerOrUnavailable(cfg);
  // The URL the provider redirected to, as registered (a proxy may have changed the request's host).
  const current = new URL(callbackUrl(audience));
  current.search = new URL(request.url).search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: row.codeVerifier,
      expectedState: row.state,
      expectedNonce: row.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (error instanceof TypeError) throw new ProviderUnavailable(audience);
    // A tampered, replayed or stale callback: worth a line, not an alarm.
    logInfo("identity provider callback refused", { audience, reason: error instanceof Error ? error.message : String(error) });
    return { ok: false, reason: "rejected" };
  }
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) return { ok: false, reason: "rejected" };
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
  const identity: VerifiedIdentity = {
    audience,
    issuer: claims.iss,
    subject: claims.sub,
    name: text(claims.name) ?? ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ") || null),
    email: text(claims.email)?.toLowerCase() ?? null,
    emailVerified: claims.email_verified === true,
    cvr: text(claims[cfg.cvrClaim] === undefined ? null : String(claims[cfg.cvrClaim])),
    idToken: tokens.id_token,
  };
  const purpose = JSON.parse(row.purpose) as OidcPurpose;
  // Kept for the form that uses it (invitation, access request) until used or stale.
  await db
    .insertInto("oidcLogins")
    .values({ ...row, claims: JSON.stringify(identity), verifiedAt: now.toISOString() })
    .execute();
  return { ok: true, roundTrip: row.id, purpose, identity };
}

/** The identity this browser verified for `kind` (an invitation, an access request), if still fresh. */
export async function verifiedIdentity(
  db: Db,
  request: Request,
  kind: OidcPurpose["kind"],
  now = new Date(),
): Promise<{ purpose: OidcPurpose; identity: VerifiedIdentity } | null> {
  const id = roundTripId(request);
  if (!id) return null;
  const row = await db
    .selectFrom("oidcLogins")
    .select(["purpose", "claims"])
    .where("id", "=", id)
    .where("verifiedAt", "is not", null)
    .where("createdAt", ">=", freshSince(now))
    .executeTakeFirst();
  if (!row?.claims) return null;
  const purpose = JSON.parse(row.purpose) as OidcPurpose;
  if (purpose.kind !== kind) return null;
  return { purpose, identity: JSON.parse(row.claims) as VerifiedIdentity };
}

/** Ends this browser's round trip (after its identity was used, or to start over). */
export async function finishRoundTrip(db: Db, request: Request): Promise<void> {
  const id = roundTripId(request);
  if (id) await db.deleteFrom("oidcLogins").where("id", "=", id).execute();
}

/** Where a provider sends the browser after logging out there: registered with the provider, so fixed. */
export const POST_LOGOUT_PATH = "/login?besked=logget-ud";

/**
 * Where logout continues when the session came from a provider that ends
 * sessions too (RP-initiated logout); null for a password session, or when
 * the provider cannot be asked.
 */
export async function providerLogoutUrl(audience: string | null, idToken: string | null): Promise<string | null> {
  const cfg = audience && idToken ? audienceConfig(audience as Audience) : null;
  if (!cfg || !idToken) return null;
  try {
    const config = await providerFor(cfg);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: `${appUrl()}${POST_LOGOUT_PATH}` }).href;
  } catch (error) {
    logError(`logout at the identity provider for ${audience} skipped`, error);
    return null;
  }
}
