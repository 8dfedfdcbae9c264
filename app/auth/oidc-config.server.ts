import type { Role } from "../../db/schema";

/**
 * Who logs in through which identity provider: citizens with MitID, company
 * people with MitID Erhverv, staff with the municipality's own login. Each
 * is configured by environment variables (README "Log ind med MitID"); an
 * audience without them has no button.
 */
export const AUDIENCES = ["citizen", "business", "staff"] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface AudienceConfig {
  audience: Audience;
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  /** The ID-token claim that carries the company's CVR number (business only). */
  cvrClaim: string;
}

/** The environment variables of an audience start with this: OIDC_CITIZEN_ISSUER, … */
export const ENV_PREFIX: Record<Audience, string> = { citizen: "OIDC_CITIZEN_", business: "OIDC_BUSINESS_", staff: "OIDC_STAFF_" };

/** Where each audience's login starts and its provider sends the browser back: /login/<slug> and /login/<slug>/callback. */
export const AUDIENCE_SLUGS: Record<Audience, string> = { citizen: "mitid", business: "mitid-erhverv", staff: "kommune" };

export const AUDIENCE_LABELS: Record<Audience, { button: string; provider: string }> = {
  citizen: { button: "Log ind med MitID", provider: "MitID" },
  business: { button: "Log ind med MitID Erhverv", provider: "MitID Erhverv" },
  staff: { button: "Log ind med kommunens login", provider: "kommunens login" },
};

export function audienceFromSlug(slug: string | undefined): Audience | null {
  return AUDIENCES.find((a) => AUDIENCE_SLUGS[a] === slug) ?? null;
}

/** The audience an account logs in as. */
export function audienceOfRole(role: Role): Audience {
  if (role === "flexjobber") return "citizen";
  if (role === "company") return "business";
  return "staff";
}

/**
 * The audience's settings, or null when it is not configured. Read on every
 * call (not once at start-up) so tests can start a provider on a free port.
 * A half-filled configuration counts as none.
 */
export function audienceConfig(audience: Audience, source: NodeJS.ProcessEnv = process.env): AudienceConfig | null {
  const read = (name: string) => source[ENV_PREFIX[audience] + name]?.trim() || undefined;
  const issuer = read("ISSUER");
  const clientId = read("CLIENT_ID");
  if (!issuer || !clientId) return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return null;
  }
  const defaultScopes = audience === "citizen" ? "openid" : "openid profile email";
  return {
    audience,
    issuer: url,
    clientId,
    clientSecret: read("CLIENT_SECRET"),
    scopes: read("SCOPES") ?? defaultScopes,
    cvrClaim: read("CVR_CLAIM") ?? "cvr",
  };
}

/** The audiences with a configured provider, in button order. */
export function configuredAudiences(source: NodeJS.ProcessEnv = process.env): Audience[] {
  return AUDIENCES.filter((a) => audienceConfig(a, source) !== null);
}

/** The origins of the configured providers: a login or logout form's redirect goes there. */
export function providerOrigins(source: NodeJS.ProcessEnv = process.env): string[] {
  return [...new Set(configuredAudiences(source).map((a) => audienceConfig(a, source)!.issuer.origin))];
}
