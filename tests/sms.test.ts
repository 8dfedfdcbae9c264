import { describe, expect, it } from "vitest";

import { deliverDueEmails } from "~/email/email.server";
import { sendSmsDigests } from "~/notifications/notifications.server";
import { smsNumber } from "~/notifications/sms";
import { eraseUser } from "~/privacy/erasure.server";
import { sendContactRequest } from "~/profiles/contact.server";
import * as inbox from "~/routes/beskeder";
import * as threadPage from "~/routes/beskeder_.$id";
import * as notificationsPage from "~/routes/notifikationer";

import { db } from "../db/client.server";
import { createCompany, createFlexjobberWithProfile, createUser } from "./factories";
import { get, post, run, sessionCookie } from "./http";
import { failNextSms, sentSms } from "./mocks/sms-gateway";

// SMS for citizens, straks / daglig / aldrig per kind, through
// the gateway's HTTP API (mocked with msw), queued and retried like email, and
// never with the text of what happened.

const MINUTE = 60_000;

/** A citizen with a phone number in a conversation with a company (she said yes). */
async function conversation(phone: string | null = "22 33 44 55") {
  const company = await createCompany(db, { name: `Hemmelig ${Math.random().toString(36).slice(2, 7)} ApS` });
  const karin = await createUser(db, { role: "company", companyId: company.id, name: "Karin Kontakt" });
  const { user: flex, profile } = await createFlexjobberWithProfile(
    db,
    { name: "Sanne SMS", phone },
    { healthConsent: true, accommodations: [{ label: "Ingen tunge løft", visible: true }] },
  );
  const sent = await sendContactRequest(db, { companyId: company.id, sentBy: karin.id, alias: profile.alias, message: "Hej!" });
  if (sent === "not_found" || sent.kind !== "sent") throw new Error("not sent");
  const yes = await run(inbox.action, post("/beskeder", { requestId: String(sent.requestId), answer: "accepted" }, await sessionCookie(flex.id)));
  const threadId = Number(yes.headers.get("Location")!.match(/\/beskeder\/(\d+)/)![1]);
  return { company, karin, flex, threadId };
}

const write = async (userId: string, threadId: number, body: string) =>
  run(threadPage.action, post(`/beskeder/${threadId}`, { intent: "message", body }, await sessionCookie(userId)), { id: String(threadId) });

const to = (number: string) => sentSms.filter((s) => s.to === number);

describe("SMS", () => {
  it("reads Danish numbers as the gateway wants them", () => {
    expect(smsNumber("22 33 44 55")).toBe("+4522334455");
    expect(smsNumber("+45 22 33 44 55")).toBe("+4522334455");
    expect(smsNumber("0045 2233 4455")).toBe("+4522334455");
    expect(smsNumber("+46 70 123 45 67")).toBe("+46701234567");
    expect(smsNumber("1234")).toBeNull();
    expect(smsNumber(null)).toBeNull();
  });

  it("straks: one SMS per message through the gateway, saying only that there is one; aldrig: none", async () => {
    const c = await conversation();
    const cookie = await sessionCookie(c.flex.id);
    const page = (await (await run(notificationsPage.loader, get("/notifikationer", cookie))).json()) as { sms: { to: string | null } };
    expect(page.sms).toEqual({ to: "+4522334455" });
    expect((await run(notificationsPage.action, post("/notifikationer", { sms_message: "straks" }, cookie))).status).toBe(302);

    await write(c.karin.id, c.threadId, "Vi har en stilling på lageret til dig, 15 timer om ugen.");
    const sms = to("+4522334455");
    expect(sms).toEqual([{ from: "Refleks", to: "+4522334455", text: "Du har en ny besked på Refleks. Log ind på http://refleks.test" }]);
    // Never the message, the company, her name or a skånebehov.
    for (const forbidden of ["lageret", "Hemmelig", "Karin", "Sanne", "løft"]) expect(sms[0]!.text).not.toContain(forbidden);
    // The queue keeps the number of a sent SMS, not its text.
    const row = await db.selectFrom("emailQueue").select(["channel", "status", "body"]).where("toAddress", "=", "+4522334455").executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: "sms", status: "sent", body: "" });

    await run(notificationsPage.action, post("/notifikationer", { sms_message: "aldrig" }, cookie));
    await write(c.karin.id, c.threadId, "Er du der?");
    expect(to("+4522334455")).toHaveLength(1);
  });

  it("daglig: the day's notifications in one SMS with only their number, once", async () => {
    const c = await conversation("+45 31 31 31 31");
    await run(notificationsPage.action, post("/notifikationer", { sms_message: "daglig", message: "aldrig" }, await sessionCookie(c.flex.id)));
    for (const body of ["Første", "Anden", "Tredje"]) await write(c.karin.id, c.threadId, body);
    expect(to("+4531313131")).toEqual([]);
    expect(await sendSmsDigests(db)).toBeGreaterThanOrEqual(1);
    expect(to("+4531313131")).toEqual([{ from: "Refleks", to: "+4531313131", text: "Du har 3 nye notifikationer på Refleks. Log ind på http://refleks.test" }]);
    await sendSmsDigests(db);
    expect(to("+4531313131")).toHaveLength(1);
  });

  it("a gateway 500 is retried later, like email", async () => {
    const c = await conversation("40 40 40 40");
    await run(notificationsPage.action, post("/notifikationer", { sms_message: "straks" }, await sessionCookie(c.flex.id)));
    failNextSms();
    await write(c.karin.id, c.threadId, "Hej igen");
    expect(to("+4540404040")).toEqual([]);
    const waiting = await db.selectFrom("emailQueue").select(["status", "attempts", "lastError"]).where("toAddress", "=", "+4540404040").executeTakeFirstOrThrow();
    expect(waiting).toEqual({ status: "pending", attempts: 1, lastError: "SMS gateway answered 500" });
    await deliverDueEmails(db, new Date(Date.now() + 2 * MINUTE));
    expect(to("+4540404040")).toHaveLength(1);
  });

  it("only citizens with a number get SMS; a company's SMS choice is ignored; erasure removes the queue rows to her number", async () => {
    const c = await conversation(null);
    const cookie = await sessionCookie(c.flex.id);
    const page = (await (await run(notificationsPage.loader, get("/notifikationer", cookie))).json()) as { sms: { to: string | null } };
    expect(page.sms).toEqual({ to: null });
    await run(notificationsPage.action, post("/notifikationer", { sms_message: "straks" }, cookie));
    const before = sentSms.length;
    await write(c.karin.id, c.threadId, "Hej");
    expect(sentSms.length).toBe(before);

    const companyCookie = await sessionCookie(c.karin.id);
    expect(((await (await run(notificationsPage.loader, get("/notifikationer", companyCookie))).json()) as { sms: unknown }).sms).toBeNull();
    await db.updateTable("users").set({ phone: "50 50 50 50" }).where("id", "=", c.karin.id).execute();
    await run(notificationsPage.action, post("/notifikationer", { sms_message: "straks" }, companyCookie));
    await write(c.flex.id, c.threadId, "Tak");
    expect(to("+4550505050")).toEqual([]);

    const erased = await conversation("60 60 60 60");
    await run(notificationsPage.action, post("/notifikationer", { sms_message: "straks" }, await sessionCookie(erased.flex.id)));
    await write(erased.karin.id, erased.threadId, "Hej");
    expect(await db.selectFrom("emailQueue").select("id").where("toAddress", "=", "+4560606060").execute()).toHaveLength(1);
    await eraseUser(db, erased.flex.id);
    expect(await db.selectFrom("emailQueue").select("id").where("toAddress", "=", "+4560606060").execute()).toEqual([]);
  });
});
