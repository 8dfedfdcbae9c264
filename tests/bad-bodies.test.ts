/// <reference types="vite/client" />
import type { ActionFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";

import { createInvitation } from "~/auth/invitations.server";
import { saveArticle } from "~/content/articles.server";
import { createEvent } from "~/events/events.server";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { BASE, sessionCookie } from "./http";

// Every route module with an action (found on disk, so a new route is
// covered without touching this file) answers a body that is not a form with
// a 4xx and writes nothing.

type Action = (args: ActionFunctionArgs) => unknown;
const modules = import.meta.glob<{ action?: Action }>("../app/routes/*.tsx");

const BOUNDARY = "----refleksgraense";
const BAD_BODIES: { name: string; headers: Record<string, string>; body?: BodyInit }[] = [
  { name: "JSON", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "a@b.dk", password: "x" }) },
  { name: "plain text", headers: { "Content-Type": "text/plain" }, body: "email=a@b.dk" },
  { name: "no body", headers: {} },
  { name: "malformed multipart", headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` }, body: "dette er ikke multipart" },
  {
    name: "truncated multipart",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHalv tit`,
  },
  { name: "multipart without boundary", headers: { "Content-Type": "multipart/form-data" }, body: "x" },
];

/** Row counts of every table that a request may not change (activity, its caches and sessions change on any visit; a public form counts every post against its rate limit). */
async function contentCounts(): Promise<Record<string, number>> {
  const skip = new Set([
    "sessions",
    "activity_days",
    "activity_weeks",
    "activity_years",
    "weekly_active_counts",
    "login_events",
    "rate_limit_hits",
    "kysely_migration",
    "kysely_migration_lock",
  ]);
  const tables = await db.introspection.getTables();
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    if (skip.has(name) || name.includes("fts")) continue;
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    out[name] = Number(row.rows[0]!.n);
  }
  return out;
}

async function fixtures() {
  const staff = await createUser(db, { role: "staff" });
  const admin = await createUser(db, { role: "admin" });
  const company = await createCompany(db);
  const companyAdmin = await createUser(db, { role: "company", companyId: company.id, isCompanyAdmin: 1 });
  const opening = await createOpening(db, company.id);
  const { user: flexjobber, profile } = await createFlexjobberWithProfile(db);
  const eventId = await createEvent(
    db,
    {
      title: "Kaffe",
      description: "Kom og få kaffe.",
      day: "2027-03-10",
      startTime: "10:00",
      endTime: "11:00",
      place: "Jobcentret",
      onlineUrl: undefined,
      audience: "both",
      capacity: 10,
      signupDeadline: undefined,
    },
    staff.id,
  );
  const articleId = await saveArticle(
    db,
    { kind: "article", title: "Om fleksjob", summary: "Kort", body: "Tekst", tags: [], audience: "both", status: "published", videoUrl: undefined, transcript: undefined },
    {},
    { staffId: staff.id },
  );
  const { token } = await createInvitation(db, { email: "inviteret@example.dk", name: "Inviteret", role: "flexjobber", invitedBy: staff.id });
  const ids: Record<string, string> = { opslag: String(opening.id), job: String(opening.id), arrangementer: String(eventId), viden: String(articleId), borgere: flexjobber.id };
  return { users: [flexjobber, companyAdmin, staff, admin], params: { token, alias: profile.alias, ids } };
}

function paramsFor(file: string, f: Awaited<ReturnType<typeof fixtures>>["params"]): Record<string, string> {
  const params: Record<string, string> = {};
  if (file.includes("$token")) params.token = f.token;
  if (file.includes("$alias")) params.alias = f.alias;
  if (file.includes("$id")) params.id = f.ids[file.split("/").pop()!.split(/[_.]/)[0]!] ?? "1";
  return params;
}

async function statusOf(action: Action, request: Request, params: Record<string, string>, ip: string): Promise<number> {
  try {
    const result = await action({ request, params, context: { clientIp: ip } });
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("every action reads its body safely", () => {
  it("answers JSON, plain text, no body and broken multipart with 4xx and writes nothing, for every role", { timeout: 120_000 }, async () => {
    const f = await fixtures();
    const before = await contentCounts();
    const routes = Object.entries(modules);
    let checked = 0;
    let ip = 0;
    for (const [file, load] of routes) {
      const { action } = await load();
      if (!action) continue;
      checked++;
      const params = paramsFor(file, f.params);
      const path =
        "/" +
        file
          .split("/")
          .pop()!
          .replace(/\.tsx$/, "");
      const readers: string[] = [];
      for (const body of BAD_BODIES) {
        for (const user of [null, ...f.users]) {
          const cookie = user ? await sessionCookie(user.id) : undefined;
          const request = new Request(BASE + path, { method: "POST", headers: { ...body.headers, ...(cookie ? { Cookie: cookie } : {}) }, body: body.body });
          const status = await statusOf(action, request, params, `203.0.113.${++ip % 250}`);
          expect(status, `${file} with ${body.name} as ${user?.role ?? "visitor"}`).toBeLessThan(500);
          if ([400, 413, 415].includes(status)) readers.push(body.name);
        }
      }
      // Someone got in and had the body refused (logout reads no body at all; a
      // login provider's route is a 404 without OIDC configuration, and is checked in oidc.test.ts).
      if (!file.endsWith("logout.tsx") && !file.endsWith("login_.$provider.tsx")) expect(new Set(readers), file).toEqual(new Set(BAD_BODIES.map((b) => b.name)));
    }
    expect(checked).toBeGreaterThanOrEqual(29);
    expect(await contentCounts()).toEqual(before);
  });
});
