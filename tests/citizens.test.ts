import { describe, expect, it } from "vitest";

import { acceptInvitation, createInvitation } from "~/auth/invitations.server";
import { attemptLogin } from "~/auth/login.server";
import { searchCitizens } from "~/citizens/citizens.server";
import { citizenListSchema } from "~/citizens/schemas";
import { employmentHistory, employmentStatusOn } from "~/employment/employment.server";
import { searchJobs } from "~/openings/job-search.server";
import * as citizensPage from "~/routes/borgere";
import * as citizenPage from "~/routes/borgere_.$id";
import * as importPage from "~/routes/borgere_.import";
import * as companiesPage from "~/routes/virksomheder";

import { db } from "../db/client.server";
import { createCompany, createOpening, createUser, TEST_PASSWORD } from "./factories";
import { BASE, get, post, run, sessionCookie } from "./http";

function csvPost(csv: string, intent: "preview" | "import", cookie: string): Request {
  const body = new FormData();
  body.append("intent", intent);
  body.append("file", new File([csv], "borgere.csv", { type: "text/csv" }));
  return new Request(`${BASE}/borgere/import`, { method: "POST", body, headers: { Cookie: cookie } });
}

const count = async () =>
  (
    await db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("role", "=", "flexjobber")
      .executeTakeFirstOrThrow()
  ).n;

/** The rows of "Borgere" a search finds. */
const citizensMatching = async (q: string) => (await searchCitizens(db, citizenListSchema.parse({ q }), { id: "" })).rows;

describe("citizen CSV import", () => {
  it("imports nothing when one row is bad, and names that row's problem in Danish", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const before = await count();
    const csv = [
      "navn;e-mail;status;fra-dato",
      "Anne Ahl;anne@example.dk;ledig;01-02-2026",
      "Bo Bech;bo-at-example.dk;i fleksjob;15-01-2026",
      "Cai Carl;cai@example.dk;andet;2026-01-10",
    ].join("\n");
    for (const intent of ["preview", "import"] as const) {
      const res = await run(importPage.action, csvPost(csv, intent, cookie));
      expect(res.status).toBe(400);
      const { preview } = (await res.json()) as { preview: { rows: { line: number; problems: string[] }[] } };
      expect(preview.rows.map((r) => [r.line, r.problems])).toEqual([
        [2, []],
        [3, ['"bo-at-example.dk" er ikke en gyldig e-mail.']],
        [4, []],
      ]);
    }
    expect(await count()).toBe(before);
  });

  it("imports every row when all are valid, with their status from the given day (comma-separated too)", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const csv = ["Navn,Email,Status,Fra", '"Dorte Dahl, jr.",dorte@example.dk,i fleksjob,1.3.2025', "Erik Eg,ERIK@example.dk,Ledig,2025-04-02"].join("\r\n");
    const res = await run(importPage.action, csvPost(csv, "import", cookie));
    expect(res.status).toBe(302);
    const dorte = await db.selectFrom("users").selectAll().where("email", "=", "dorte@example.dk").executeTakeFirstOrThrow();
    expect(dorte).toMatchObject({ name: "Dorte Dahl, jr.", status: "registered", role: "flexjobber" });
    expect(await employmentStatusOn(db, dorte.id, "2025-03-01")).toBe("i_fleksjob");
    expect(await employmentStatusOn(db, dorte.id, "2025-02-28")).toBeNull();
    const erik = await db.selectFrom("users").select("id").where("email", "=", "erik@example.dk").executeTakeFirstOrThrow();
    expect(await employmentStatusOn(db, erik.id, "2025-05-01")).toBe("ledig");
    // The same file again: every row already exists, so nothing happens.
    const again = await run(importPage.action, csvPost(csv, "import", cookie));
    expect(again.status).toBe(400);
  });

  it("refuses a file without the right headers", async () => {
    const staff = await createUser(db, { role: "staff" });
    const res = await run(importPage.action, csvPost("a;b\n1;2", "preview", await sessionCookie(staff.id)));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { preview: { fileProblem: string } }).preview.fileProblem).toMatch(/overskrifterne/);
  });
});

describe("citizens without an account", () => {
  it("registers a citizen who cannot log in, invites later, and keeps the same person and history on accept", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const res = await run(
      citizensPage.action,
      post("/borgere", { intent: "register", name: "Frida Fisker", email: "frida@example.dk", consultantId: staff.id, status: "ledig", fromDate: "2026-01-05" }, cookie),
    );
    expect(res.status).toBe(302);
    const frida = await db.selectFrom("users").selectAll().where("email", "=", "frida@example.dk").executeTakeFirstOrThrow();
    expect(frida.status).toBe("registered");
    expect((await attemptLogin(db, "frida@example.dk", "")).status).toBe("invalid");
    const row = (await citizensMatching("frida@example.dk")).find((c) => c.id === frida.id);
    expect(row).toMatchObject({ account: "none", employment: "ledig", consultantName: staff.name });

    // Staff record a status change; the history keeps both.
    const status = await run(citizenPage.action, post(`/borgere/${frida.id}`, { intent: "status", status: "andet", fromDate: "2026-03-01" }, cookie), { id: frida.id });
    expect(status.status).toBe(302);
    expect((await employmentHistory(db, frida.id)).map((e) => e.status)).toEqual(["andet", "ledig"]);

    // Invite now; accepting turns the same row into an account.
    const { token } = await createInvitation(db, { email: "frida@example.dk", name: "Frida Fisker", role: "flexjobber", invitedBy: staff.id, consultantId: staff.id });
    expect((await citizensMatching("frida@example.dk")).find((c) => c.id === frida.id)?.account).toBe("invited");
    const accepted = await acceptInvitation(db, token, { password: TEST_PASSWORD, healthConsent: false });
    expect(accepted).toMatchObject({ status: "ok", userId: frida.id });
    expect((await attemptLogin(db, "frida@example.dk", TEST_PASSWORD)).status).toBe("ok");
    expect((await employmentHistory(db, frida.id)).length).toBe(2);

    // The citizen page works before a profile exists; a duplicate email is refused in Danish.
    expect((await run(citizenPage.loader, get(`/borgere/${frida.id}`, cookie), { id: frida.id })).status).toBe(200);
    const dup = await run(citizensPage.action, post("/borgere", { intent: "register", name: "Frida", email: "frida@example.dk", status: "ledig", fromDate: "2026-01-05" }, cookie));
    expect(dup.status).toBe(409);
  });

  it("puts an invited citizen on the list right away", async () => {
    const staff = await createUser(db, { role: "staff" });
    const res = await run(citizensPage.action, post("/borgere", { name: "Gert Gran", email: "gert@example.dk", consultantId: "" }, await sessionCookie(staff.id)));
    expect(res.status).toBe(302);
    const gert = (await citizensMatching("gert@example.dk")).find((c) => c.email === "gert@example.dk");
    expect(gert).toMatchObject({ account: "invited", employment: null });
  });
});

describe("company administration", () => {
  it("suspending a company stops its users logging in and hides its openings; reactivating brings them back", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const company = await createCompany(db, { name: "Spær ApS" });
    const employee = await createUser(db, { role: "company", companyId: company.id });
    const { id } = await createOpening(db, company.id, { title: "Spærret opslag" });
    const flex = await createUser(db, { role: "flexjobber" });
    const visible = async () =>
      (await searchJobs(db, flex.id, { q: "Spærret", fitsHours: false, withinCommute: false, remoteOnly: false, newThisWeek: false, sort: "match", page: 1 })).cards.map(
        (c) => c.id,
      );
    expect(await visible()).toEqual([id]);

    expect((await run(companiesPage.action, post("/virksomheder", { intent: "suspend", companyId: String(company.id) }, cookie))).status).toBe(302);
    expect((await attemptLogin(db, employee.email, employee.password)).status).toBe("suspended");
    expect(await visible()).toEqual([]);
    const list = (await (await run(companiesPage.loader, get("/virksomheder?adgang=suspended&q=Sp%C3%A6r", cookie))).json()) as {
      companies: { rows: { id: number; status: string; users: number; openings: number }[] };
    };
    expect(list.companies.rows.find((c) => c.id === company.id)).toMatchObject({ status: "suspended", users: 2, openings: 1 });

    expect((await run(companiesPage.action, post("/virksomheder", { intent: "reactivate", companyId: String(company.id) }, cookie))).status).toBe(302);
    expect((await attemptLogin(db, employee.email, employee.password)).status).toBe("ok");
    expect(await visible()).toEqual([id]);
  });
});
