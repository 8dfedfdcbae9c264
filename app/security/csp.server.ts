import { randomBytes } from "node:crypto";

/** A fresh nonce for each document: only scripts carrying it may run. */
export function newNonce(): string {
  return randomBytes(18).toString("base64");
}

/**
 * The Content-Security-Policy of every response. Scripts run only with this
 * request's nonce ('strict-dynamic' lets Remix's nonce'd module script load
 * the route chunks); no inline script without it, no plugins, no <base>, no
 * framing. Styles may stay inline (React's style attributes). Forms post
 * to this site only, which may then send the browser on to a configured
 * login provider (form-action covers redirects too).
 */
export function contentSecurityPolicy(nonce: string, { development = false, loginProviders = [] as string[] } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...loginProviders].join(" "),
    "object-src 'none'",
  ].join("; ");
}
