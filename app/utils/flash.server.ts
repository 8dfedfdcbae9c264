import { redirect } from "@remix-run/node";

import type { FlashKey } from "./flash";

export function redirectWithMessage(to: string, key: FlashKey, init?: ResponseInit): Response {
  const url = new URL(to, "http://x");
  url.searchParams.set("besked", key);
  return redirect(url.pathname + url.search, init);
}
