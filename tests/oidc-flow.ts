import { expect } from "vitest";

// A browser's part in a login through the test provider (scripts/idp):
// follows the redirects to the provider's page, picks a person, and returns
// the callback URL the provider sends the browser back to. Cookies of the
// provider are kept like a browser keeps them.

export async function throughProvider(authorizeUrl: string, person: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  let url = authorizeUrl;
  let method = "GET";
  let body: URLSearchParams | undefined;
  const origin = new URL(authorizeUrl).origin;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { method, body, redirect: "manual", headers: { Cookie: cookieHeader() } });
    keep(res);
    const location = res.headers.get("Location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return next.href;
      url = next.href;
      method = "GET";
      body = undefined;
      continue;
    }
    const html = await res.text();
    expect(res.status, html).toBe(200);
    // The provider's page: pick the person.
    const action = html.match(/action="(\/interaction\/[^"]+\/login)"/)?.[1];
    expect(action, html).toBeTruthy();
    url = new URL(action!, origin).href;
    method = "POST";
    body = new URLSearchParams({ person });
  }
  throw new Error("too many redirects at the provider");
}

/** The cookie value a response set, as a request's Cookie header pair. */
export function cookiePair(res: Response, name: string): string {
  const line = res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
  expect(line, `${name} cookie`).toBeTruthy();
  return line!.split(";")[0]!;
}
