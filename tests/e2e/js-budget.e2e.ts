import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

import { describe, expect, it } from "vitest";

/**
 * The JavaScript a phone downloads before a page works: the browser entry, the
 * route manifest, and every module (with its shared chunks) of the routes that
 * render the page, from root down. Measured gzip-compressed, as we serve it.
 */
const BUDGET_BYTES = 150 * 1024;
const buildDir = path.resolve("public/build");

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute>; url: string };

function readManifest(): Manifest & { file: string } {
  const file = fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error("no manifest in public/build: run `remix build` first");
  const source = fs.readFileSync(path.join(buildDir, file), "utf8");
  const json = source.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "");
  return { ...(JSON.parse(json) as Manifest), file: `/build/${file}` };
}

const gzipSizes = new Map<string, number>();
function gzipSize(url: string): number {
  let size = gzipSizes.get(url);
  if (size === undefined) {
    const file = path.join(buildDir, url.replace(/^\/build\//, ""));
    size = zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
    gzipSizes.set(url, size);
  }
  return size;
}

function firstLoadBytes(manifest: ReturnType<typeof readManifest>, routeId: string): number {
  const files = new Set<string>([manifest.file, manifest.entry.module, ...manifest.entry.imports]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) break;
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
  }
  let total = 0;
  for (const f of files) total += gzipSize(f);
  return total;
}

describe("first-load JavaScript", () => {
  it(`stays under ${BUDGET_BYTES / 1024} kB gzip on every route`, () => {
    const manifest = readManifest();
    const sizes = Object.keys(manifest.routes)
      .map((id) => ({ id, kB: Math.round(firstLoadBytes(manifest, id) / 102.4) / 10 }))
      .sort((a, b) => b.kB - a.kB);
    expect(sizes.length).toBeGreaterThan(20);
    console.log(
      `heaviest first loads (kB gzip): ${sizes
        .slice(0, 5)
        .map((s) => `${s.id} ${s.kB}`)
        .join(", ")}`,
    );
    const over = sizes.filter((s) => s.kB * 1024 > BUDGET_BYTES);
    expect(over, "routes over the JavaScript budget").toEqual([]);
  });
});
