import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { get, run } from "./http";

// Every route a company user can open, found from the route files themselves,
// so a new company-facing route is checked by the visibility and privacy
// tests without anyone editing them. A route counts unless its guard admits
// only other roles (staff, admins, flexjobbers): a route with no guard we know
// is called too, which costs nothing.

const ROUTES = resolve(__dirname, "../app/routes");

/** Guards that keep a company user out. */
const NOT_FOR_COMPANIES = [
  /requireUser\(request, \{ roles: STAFF_ROLES \}\)/,
  /requireUser\(request, \{ roles: \["admin"\] \}\)/,
  /requireUser\(request, \{ roles: \["flexjobber"\] \}\)/,
  /requireProfileEditor\(request\)/,
];
/** Guards that let a company user in. */
const FOR_COMPANIES = /requireCompanyUser\(request\)|requireCompanyAdmin\(request\)|requireUser\(request\)|roles: \[[^\]]*"company"|roles: \[\.\.\.ROLES\]/;

/** What the routes with a dynamic segment are called with: the things the test made. */
export interface World {
  openingId: number;
  eventId: number;
  articleId: number;
  threadIds: number[];
  aliases: string[];
}

/**
 * How each company-facing route with a dynamic segment is called (one request
 * each, or several), or why a route is not called: a new route with a dynamic
 * segment fails the test until it is here.
 */
const CALLS: Record<string, ((w: World) => { path: string; params: Record<string, string> }[]) | { skip: string }> = {
  "arrangementer_.$id.tsx": (w) => [{ path: `/arrangementer/${w.eventId}`, params: { id: String(w.eventId) } }],
  "arrangementer_.$id_.kalender[.]ics.tsx": (w) => [{ path: `/arrangementer/${w.eventId}/kalender.ics`, params: { id: String(w.eventId) } }],
  "beskeder_.$id.tsx": (w) => w.threadIds.map((id) => ({ path: `/beskeder/${id}`, params: { id: String(id) } })),
  "kandidater_.$alias.tsx": (w) => w.aliases.map((alias) => ({ path: `/kandidater/${encodeURIComponent(alias)}`, params: { alias } })),
  "opslag_.$id.tsx": (w) => [{ path: `/opslag/${w.openingId}`, params: { id: String(w.openingId) } }],
  "opslag_.$id_.rediger.tsx": (w) => [{ path: `/opslag/${w.openingId}/rediger`, params: { id: String(w.openingId) } }],
  "viden_.$id.tsx": (w) => [{ path: `/viden/${w.articleId}`, params: { id: String(w.articleId) } }],
  "viden_.$id_.undertekster[.]vtt.tsx": (w) => [{ path: `/viden/${w.articleId}/undertekster.vtt`, params: { id: String(w.articleId) } }],
  "viden_.$id_.video.tsx": { skip: "streams an uploaded video file; no flexjobber is in it" },
  "invitation.$token.tsx": { skip: "public: the page of one invitation's own token" },
  "nulstil.$token.tsx": { skip: "public: the page of one password reset's own token" },
  "min-konto_.ny-email.$token.tsx": { skip: "confirms one's own new email by its token" },
  "login_.$provider.tsx": { skip: "public: sends the browser to a login provider" },
  "login_.$provider_.callback.tsx": { skip: "public: the login provider's answer about the person logging in" },
  "mine-data[.]json.tsx": { skip: "the company user's own data export (GDPR art. 15): every notice they were sent, as it was sent" },
  "beskeder_.live.ts": { skip: "a stream of server-sent events that never ends by itself; it carries unread counts only" },
};

/** The route files whose loader a company user may reach, by the guard each states. */
export function companyFacingRouteFiles(routesDir = ROUTES): string[] {
  return readdirSync(routesDir)
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => {
      const source = readFileSync(join(routesDir, file), "utf8");
      const loader = source.slice(Math.max(0, source.search(/export (async )?function loader|export const loader/)));
      if (!/export (async )?function loader|export const loader/.test(source)) return false;
      const guard = loader.slice(0, 600);
      return FOR_COMPANIES.test(guard) || !NOT_FOR_COMPANIES.some((g) => g.test(guard));
    });
}

export interface CompanyPage {
  file: string;
  path: string;
  status: number;
  /** What the loader serialized (JSON, or the text of a file it answers with). */
  text: string;
}

/** Calls every company-facing loader as this company user; throws for a route with a dynamic segment the table above does not know. */
export async function companyFacingPages(cookie: string, world: World, files = companyFacingRouteFiles()): Promise<CompanyPage[]> {
  const pages: CompanyPage[] = [];
  for (const file of files) {
    const dynamic = file.includes("$");
    const call = CALLS[file];
    if (dynamic && !call) throw new Error(`${file} is company-facing and has a dynamic segment: add it to CALLS in tests/company-routes.ts`);
    if (call && "skip" in call) continue;
    const requests = call ? call(world) : [{ path: `/${routePath(file)}`, params: {} }];
    const mod = (await import(join(ROUTES, file))) as { loader: Parameters<typeof run>[0] };
    for (const { path, params } of requests) {
      const res = await run(mod.loader, get(path, cookie), params);
      pages.push({ file, path, status: res.status, text: await res.text() });
    }
  }
  return pages;
}

/** The URL of a route file without dynamic segments ("_index" → "", "opslag_.ny" → "opslag/ny", "mine-data[.]json" → "mine-data.json"). */
function routePath(file: string): string {
  return file
    .replace(/\.tsx?$/, "")
    .replace(/^_index$/, "")
    .split(/(?<!\[)\.(?!\])/) // "[.]" is a dot in the URL, any other dot a slash
    .map((segment) => segment.replace(/_$/, "").replace("[.]", "."))
    .join("/");
}
