import { describe, expect, it } from "vitest";

import * as job from "~/routes/job_.$id";
import * as colleagues from "~/routes/kolleger";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { post, run, sessionCookie } from "./http";
import { sentEmails } from "./mocks/email-api";

// Texts that say what happens.

describe("emails that tell the truth", () => {
  it("'Virksomheden får besked': an interest emails the opening's author, without saying who", async () => {
    const company = await createCompany(db);
    const opening = await createOpening(db, company.id, { title: "Kantinemedhjælper" });
    const { user } = await createFlexjobberWithProfile(db, { name: "Hemmelig Hansen" });
    const res = await run(job.action, post(`/job/${opening.id}`, { intent: "interest", shareIdentity: "nej" }, await sessionCookie(user.id)), { id: String(opening.id) });
    expect(res.status).toBe(302);
    const mail = sentEmails.filter((m) => m.to === opening.owner.email).at(-1);
    expect(mail?.subject).toBe('Ny interesse for "Kantinemedhjælper"');
    expect(mail?.text).not.toMatch(/Hemmelig|Hansen/);
  });

  it("a colleague's invitation says a colleague sent it", async () => {
    const company = await createCompany(db, { name: "Kollega Kaffe ApS" });
    const admin = await createUser(db, { role: "company", companyId: company.id, isCompanyAdmin: 1, name: "Anne Admin" });
    await run(colleagues.action, post("/kolleger", { name: "Niels Ny", email: "niels.ny@example.dk" }, await sessionCookie(admin.id)));
    const mail = sentEmails.filter((m) => m.to === "niels.ny@example.dk").at(-1);
    expect(mail?.text).toMatch(/Din kollega Anne Admin har inviteret dig/);
    expect(mail?.text).not.toMatch(/har fået adgang/);
  });
});
