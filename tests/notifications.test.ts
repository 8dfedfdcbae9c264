import { describe, expect, it } from "vitest";

import { savePreferences, sendDigests } from "~/notifications/notifications.server";
import { expressInterest } from "~/openings/interests.server";
import { sendContactRequest } from "~/profiles/contact.server";
import * as inbox from "~/routes/beskeder";
import * as threadPage from "~/routes/beskeder_.$id";
import * as notificationsPage from "~/routes/notifikationer";
import * as openingPage from "~/routes/opslag_.$id";
import * as profilePage from "~/routes/profil";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { sentEmails } from "./mocks/email-api";

// In-app notifications, email at once / daily / never.

async function conversation() {
  const company = await createCompany(db, { name: `Notits ${Math.random().toString(36).slice(2, 7)} ApS` });
  const karin = await createUser(db, { role: "company", companyId: company.id, name: "Karin Kontakt" });
  const carl = await createUser(db, { role: "company", companyId: company.id, name: "Carl Kollega" });
  const { user: flex, profile } = await createFlexjobberWithProfile(
    db,
    { name: "Frida Fleksjobber" },
    { healthConsent: true, accommodations: [{ label: "Ingen tunge løft", visible: true }] },
  );
  const sent = await sendContactRequest(db, { companyId: company.id, sentBy: karin.id, alias: profile.alias, message: "Hej!" });
  if (sent === "not_found" || sent.kind !== "sent") throw new Error("not sent");
  const yes = await run(inbox.action, post("/beskeder", { requestId: String(sent.requestId), answer: "accepted" }, await sessionCookie(flex.id)));
  const threadId = Number(yes.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
  return { company, karin, carl, flex, alias: profile.alias, threadId };
}

const write = async (userId: string, threadId: number, body: string) =>
  run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body }, await sessionCookie(userId)), { id: String(threadId) });

describe("notifications", () => {
  it("a message sends exactly one email at once to each other member who chose it, none to 'aldrig', and lands in everyone's list", async () => {
    const c = await conversation();
    await savePreferences(db, c.carl.id, { message: "aldrig" });
    const before = sentEmails.length;
    await write(c.flex.id, c.threadId, "Tak, jeg vil gerne høre mere.");
    const mails = sentEmails.slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([c.karin.email]);
    expect(mails[0]!.subject).toMatch(/Ny besked/);
    for (const m of mails) {
      // Never her name to the company (the email names the conversation only), never a skånebehov.
      expect(m.text + m.subject).not.toContain("Frida");
      expect(m.text + m.subject).not.toContain("tunge løft");
    }
    const carlList = (await (await run(notificationsPage.loader, get("/notifikationer", await sessionCookie(c.carl.id)))).json()) as {
      notifications: { title: string; readAt: string | null }[];
    };
    // The conversation is named after what it is about: here no opening, so the company's flexjob.
    expect(carlList.notifications[0]).toMatchObject({ title: `Ny besked: Fleksjob hos ${c.company.name}`, readAt: null });
    // Seen: marked read.
    const again = await db.selectFrom("notifications").select("readAt").where("userId", "=", c.carl.id).execute();
    expect(again.every((n) => n.readAt !== null)).toBe(true);
  });

  it("the daily digest collects three messages into one email, once", async () => {
    const c = await conversation();
    await run(notificationsPage.action, post("/notifikationer", { message: "daglig" }, await sessionCookie(c.flex.id)));
    const before = sentEmails.length;
    for (const body of ["Første", "Anden", "Tredje"]) await write(c.karin.id, c.threadId, body);
    expect(sentEmails.slice(before).filter((m) => m.to === c.flex.email)).toEqual([]);
    const queued = await sendDigests(db);
    expect(queued).toBeGreaterThanOrEqual(1);
    const digests = sentEmails.slice(before).filter((m) => m.to === c.flex.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toMatch(/3 nye notifikationer/);
    expect(digests[0]!.text.split(`Ny besked: Fleksjob hos ${c.company.name}`)).toHaveLength(4);
    expect(digests[0]!.text).not.toContain("Første");
    await sendDigests(db);
    expect(sentEmails.slice(before).filter((m) => m.to === c.flex.email)).toHaveLength(1);
  });

  it("a bad choice is refused in Danish and changes nothing", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    const res = await run(notificationsPage.action, post("/notifikationer", { message: "hver time" }, await sessionCookie(user.id)));
    expect(res.status).toBe(400);
    expect((await res.json()).errors.message).toBe("Vælg hvordan du vil have besked.");
    expect(await db.selectFrom("notificationPreferences").selectAll().where("userId", "=", user.id).execute()).toEqual([]);
  });
});

describe("work for the jobcenter", () => {
  it("a submitted profile and a hire marked by a company notify the flexjobber's consultant (daily by default), without names in the email", async () => {
    const consultant = await createUser(db, { role: "staff", name: "Konny Konsulent" });
    const { user: flex } = await createFlexjobberWithProfile(db, { name: "Hilda Hansen", consultantId: consultant.id }, { status: "draft" });
    const submitted = await run(profilePage.action, post("/profil", { intent: "publish" }, await sessionCookie(flex.id)));
    expect(submitted.headers.get("Location")).toBe("/profil?besked=profil-sendt");
    const company = await createCompany(db);
    const companyUser = await createUser(db, { role: "company", companyId: company.id });
    await db.updateTable("profiles").set({ status: "approved" }).where("userId", "=", flex.id).execute();
    const opening = await createOpening(db, company.id);
    await expressInterest(db, { userId: flex.id, openingId: opening.id, shareIdentity: false });
    const interest = await db.selectFrom("interests").select("id").where("userId", "=", flex.id).executeTakeFirstOrThrow();
    const mark = () =>
      run(openingPage.action, post(`/opslag/${opening.id}`, { intent: "stage", interestId: String(interest.id), stage: "hired" }, companyCookie), { id: String(opening.id) });
    const companyCookie = await sessionCookie(companyUser.id);
    await mark();
    await mark();
    const rows = await db.selectFrom("notifications").select(["kind", "title", "emailState"]).where("userId", "=", consultant.id).orderBy("id").execute();
    expect(rows).toEqual([
      { kind: "profile_to_approve", title: "En profil venter på godkendelse", emailState: "pending" },
      { kind: "hire_to_confirm", title: "En ansættelse venter på bekræftelse", emailState: "pending" },
    ]);
    const before = sentEmails.length;
    await sendDigests(db);
    const digest = sentEmails.slice(before).find((m) => m.to === consultant.email)!;
    expect(digest.subject).toMatch(/2 nye notifikationer/);
    expect(digest.text).not.toContain("Hilda");
  });
});
