/**
 * A state-changing request sent from another site (or from an opaque origin,
 * "Origin: null", e.g. a sandboxed frame or a data: URL) is refused. Requests
 * without an Origin header (old browsers, curl) are left to SameSite cookies.
 */
export function isCrossSitePost(method: string, origin: string | undefined, host: string | undefined): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())) return false;
  if (origin === undefined || origin === "") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return true; // "null" and anything else that is not an origin
  }
  return parsed.host !== host;
}
