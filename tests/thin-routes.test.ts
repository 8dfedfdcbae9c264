import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { describe, expect, it } from "vitest";

// A route parses, checks who may enter, calls one use case and answers. What
// an act sets off (a notice, a task for staff, news for the alerts, a line in
// the audit log) belongs to the use case, in its transaction (the
// `…AndNotify` functions in each area's notices.server.ts, eraseUser's
// `erasedBy`), never to the route, where the next route would forget it.

const ROUTES = resolve(__dirname, "../app/routes");

/** Side effects a route may not start itself. */
const SIDE_EFFECT = /^(notice[A-Z]\w*|alertSoon|notifyStaffTask|notify|writeAudit|announceNews|sendNotice|sendSms)$/;

/** The side-effect functions a module imports, or calls by a name it was given. */
function sideEffectsIn(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"[^"]+"/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)[0]!;
      if (SIDE_EFFECT.test(name)) found.add(name);
    }
  }
  for (const m of source.matchAll(/\b(notice[A-Z]\w*|alertSoon|notifyStaffTask|writeAudit|announceNews)\s*\(/g)) found.add(m[1]!);
  return [...found].sort();
}

describe("thin routes", () => {
  it("no route module sends a notice, tells staff, announces news or writes the audit log itself", () => {
    const routes = readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f));
    expect(routes.length).toBeGreaterThan(60);
    const offenders = routes.map((f) => [f, sideEffectsIn(readFileSync(join(ROUTES, f), "utf8"))] as const).filter(([, found]) => found.length > 0);
    expect(offenders).toEqual([]);
  });

  it("would find one that did", () => {
    expect(sideEffectsIn('import { noticeNewJob } from "~/employment/notices.server";\nawait noticeNewJob(db, id);')).toEqual(["noticeNewJob"]);
    expect(sideEffectsIn('import { listAudit, writeAudit as audit } from "~/audit/audit.server";')).toEqual(["writeAudit"]);
    expect(sideEffectsIn('import { confirmHireAndNotify } from "~/employment/notices.server";')).toEqual([]);
  });
});
