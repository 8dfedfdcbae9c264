import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

import { describe, expect, it } from "vitest";

// The layers of README's "How it is built", held: a module imports from its
// own area and from areas listed under it, never from one above. The order is
// read from the README itself, so the list a newcomer reads is the rule.

const ROOT = resolve(__dirname, "..");

/** README's area list, highest first ("app/routes/", …, "db/"). */
function layerOrder(readme: string): string[] {
  const section = readme.slice(readme.indexOf("## How it is built"));
  const block = section.slice(section.indexOf("```\n") + 4, section.indexOf("\n```", section.indexOf("```\n") + 4));
  return block
    .split("\n")
    .map((line) => /^((?:app\/[a-z-]+|db)\/)\s/.exec(line)?.[1])
    .filter((area): area is string => area !== undefined);
}

/** The layer a file of the repository belongs to, by README's names; null outside app/ and db/. */
function layerOf(file: string): string | null {
  if (file.startsWith("db/")) return "db/";
  const parts = file.split("/");
  if (parts[0] !== "app") return null;
  if (parts.length === 2) return /^app\/env\.server(\.ts)?$/.test(file) ? "app/utils/" : "app/routes/"; // root.tsx, entry.*
  return `app/${parts[1]}/`;
}

const SPECIFIER = /(?:^|\s)(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)|^import\s+"([^"]+)"/gm;

/** The repository paths a source file imports (only our own code: "~/…" and relative paths). */
function importsOf(file: string, source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (/\.(css|svg|png|json)$/.test(spec)) continue; // assets, not code
    if (spec.startsWith("~/")) found.push(`app/${spec.slice(2)}`);
    else if (spec.startsWith("."))
      found.push(
        relative(ROOT, resolve(ROOT, dirname(file), spec))
          .split("\\")
          .join("/"),
      );
  }
  return found;
}

interface Breach {
  file: string;
  imports: string;
  why: string;
}

/** Every import of `files` (path → source) that runs back up `order`, or comes from or goes to a layer the order does not name. */
function breaches(files: Map<string, string>, order: string[]): Breach[] {
  const rank = new Map(order.map((layer, i) => [layer, i]));
  const found: Breach[] = [];
  for (const [file, source] of files) {
    const from = layerOf(file);
    if (from === null) continue;
    if (!rank.has(from)) {
      found.push({ file, imports: "", why: `${from} is not in README's list of areas` });
      continue;
    }
    for (const target of importsOf(file, source)) {
      const to = layerOf(target);
      if (to === null || to === from) continue;
      if (!rank.has(to)) found.push({ file, imports: target, why: `${to} is not in README's list of areas` });
      else if (rank.get(to)! < rank.get(from)!) found.push({ file, imports: target, why: `${from} is below ${to}` });
    }
  }
  return found;
}

function sourcesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name)) continue;
    const path = relative(ROOT, join(entry.parentPath, entry.name)).split("\\").join("/");
    files.set(path, readFileSync(join(ROOT, path), "utf8"));
  }
  return files;
}

describe("layers", () => {
  const order = layerOrder(readFileSync(join(ROOT, "README.md"), "utf8"));

  it("README lists the areas, from the routes down to db/", () => {
    expect(order[0]).toBe("app/routes/");
    expect(order.at(-1)).toBe("db/");
    expect(order).toContain("app/profiles/");
    expect(new Set(order).size).toBe(order.length);
  });

  it("no import in app/ or db/ runs back up the layers", () => {
    const files = new Map([...sourcesUnder("app"), ...sourcesUnder("db")]);
    expect(files.size).toBeGreaterThan(200);
    expect(breaches(files, order)).toEqual([]);
  });

  it("finds an import that runs back up, and one from an area README does not name", () => {
    const files = new Map([
      ["app/matching/adapters.ts", 'import type { ProfileDetails } from "~/profiles/profile-details";'],
      ["app/search/reindex.server.ts", 'import { indexOpening } from "../openings/openings.server";'],
      ["db/kysely.ts", 'const m = await import("../app/env.server");'],
      ["app/profiles/profile.server.ts", 'import { hasConsent } from "~/auth/consents.server";'],
      ["app/newarea/thing.server.ts", 'import { localDate } from "~/utils/dates";'],
    ]);
    expect(breaches(files, order)).toEqual([
      { file: "app/matching/adapters.ts", imports: "app/profiles/profile-details", why: "app/matching/ is below app/profiles/" },
      { file: "app/search/reindex.server.ts", imports: "app/openings/openings.server", why: "app/search/ is below app/openings/" },
      { file: "db/kysely.ts", imports: "app/env.server", why: "db/ is below app/utils/" },
      { file: "app/newarea/thing.server.ts", imports: "", why: "app/newarea/ is not in README's list of areas" },
    ]);
  });
});
