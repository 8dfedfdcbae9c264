import ICAL from "ical.js";
import pg from "pg";
import { describe, expect, it } from "vitest";

import { cancelRegistration, createEvent, dueReminders, getEvent, listParticipants, signUp } from "~/events/events.server";
import { eventToIcs } from "~/events/ics";
import type { EventInput } from "~/events/schemas";
import * as eventsPage from "~/routes/arrangementer";

import { db } from "../db/client.server";
import { isPostgres, openAppDatabase } from "../db/kysely";
import { createUser } from "./factories";
import { get, run, sessionCookie } from "./http";

const base: EventInput = {
  title: "Kaffemøde for fleksjobbere",
  description: "Mød andre, der er i samme situation. Vi giver kaffe; kom som du er.",
  day: "2027-03-10",
  startTime: "10:00",
  endTime: "12:00",
  place: "Jobcentret, Bernstorffsvej 161, 2920 Charlottenlund",
  onlineUrl: undefined,
  audience: "flexjobbers",
  capacity: 1,
  signupDeadline: undefined,
};
const now = new Date("2027-03-01T09:00:00Z");

const statuses = async (eventId: number) => Object.fromEntries((await listParticipants(db, eventId)).map((p) => [p.name, p.status]));

describe("events", () => {
  it("puts the second person on the waitlist and moves them up when the first cancels", async () => {
    const staff = await createUser(db, { role: "staff" });
    const id = await createEvent(db, base, staff.id, now);
    const anna = await createUser(db, { role: "flexjobber", name: "Anna" });
    const bo = await createUser(db, { role: "flexjobber", name: "Bo" });
    expect(await signUp(db, { eventId: id, userId: anna.id, role: "flexjobber" }, now)).toBe("registered");
    expect(await signUp(db, { eventId: id, userId: bo.id, role: "flexjobber" }, now)).toBe("waitlist");
    expect(await signUp(db, { eventId: id, userId: bo.id, role: "flexjobber" }, now)).toBe("already");
    expect(await statuses(id)).toEqual({ Anna: "registered", Bo: "waitlist" });

    expect(await cancelRegistration(db, { eventId: id, userId: anna.id }, now)).toEqual({ cancelled: true, promoted: [bo.id] });
    expect(await statuses(id)).toEqual({ Bo: "registered" });
    // Signing up again puts Anna at the back of the queue.
    expect(await signUp(db, { eventId: id, userId: anna.id, role: "flexjobber" }, now)).toBe("waitlist");
  });

  it.runIf(isPostgres(db))("a move up never registers someone who cancels at the same moment; the next in line gets the place", async () => {
    const staff = await createUser(db, { role: "staff" });
    const id = await createEvent(db, base, staff.id, now);
    const [anna, bo, cy] = await Promise.all(["Anna", "Bo", "Cy"].map((name) => createUser(db, { role: "flexjobber", name })));
    for (const p of [anna!, bo!, cy!]) await signUp(db, { eventId: id, userId: p.id, role: "flexjobber" }, now);
    expect(await statuses(id)).toEqual({ Anna: "registered", Bo: "waitlist", Cy: "waitlist" });
    // Another connection is cancelling Bo's place and has not committed yet.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("update event_registrations set status = 'cancelled' where event_id = $1 and user_id = $2", [id, bo!.id]);
      // Anna cancels: the move up picks Bo and waits for his row …
      const cancelling = cancelRegistration(db, { eventId: id, userId: anna!.id }, now);
      await new Promise((r) => setTimeout(r, 300));
      // … which then turns out to be cancelled.
      await other.query("commit");
      expect((await cancelling).promoted).toEqual([cy!.id]);
    } finally {
      await other.end();
    }
    expect(await statuses(id)).toEqual({ Cy: "registered" });
  });

  it("never exceeds capacity under 20 concurrent sign-ups from separate database connections", async () => {
    const staff = await createUser(db, { role: "staff" });
    const id = await createEvent(db, { ...base, capacity: 7 }, staff.id, now);
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(db, { role: "flexjobber", name: `Person ${i}` })));
    const connections = people.map(() => openAppDatabase());
    try {
      const results = await Promise.all(people.map((p, i) => signUp(connections[i]!, { eventId: id, userId: p.id, role: "flexjobber" }, now)));
      expect(results.filter((r) => r === "registered")).toHaveLength(7);
      expect(results.filter((r) => r === "waitlist")).toHaveLength(13);
      // And 20 concurrent cancellations + sign-ups keep it right too.
      await Promise.all(people.slice(0, 10).map((p, i) => cancelRegistration(connections[i]!, { eventId: id, userId: p.id }, now)));
    } finally {
      await Promise.all(connections.map((c) => c.destroy()));
    }
    const rows = await listParticipants(db, id);
    expect(rows.filter((r) => r.status === "registered")).toHaveLength(7);
    expect(rows.filter((r) => r.status === "waitlist")).toHaveLength(3);
  });

  it("refuses sign-ups for other audiences, after the deadline and for cancelled events", async () => {
    const staff = await createUser(db, { role: "staff" });
    const company = await createUser(db, { role: "company" });
    const flex = await createUser(db, { role: "flexjobber" });
    const id = await createEvent(db, { ...base, signupDeadline: "2027-03-05" }, staff.id, now);
    expect(await signUp(db, { eventId: id, userId: company.id, role: "company" }, now)).toBe("not_found");
    // The deadline day still counts, in Danish time.
    expect(await signUp(db, { eventId: id, userId: flex.id, role: "flexjobber" }, new Date("2027-03-05T22:30:00Z"))).toBe("registered");
    const late = await createUser(db, { role: "flexjobber" });
    expect(await signUp(db, { eventId: id, userId: late.id, role: "flexjobber" }, new Date("2027-03-05T23:30:00Z"))).toBe("closed");
  });

  it("writes a valid .ics with the right local times, summer and winter", async () => {
    const staff = await createUser(db, { role: "staff" });
    for (const [day, offset] of [
      ["2027-01-20", "+01:00"],
      ["2027-06-15", "+02:00"],
    ] as const) {
      const id = await createEvent(db, { ...base, day, title: "Møde; med, tegn\\ og æøå", startTime: "09:30", endTime: "11:00" }, staff.id, now);
      const event = (await getEvent(db, id))!;
      expect(event.startsAt).toBe(new Date(`${day}T09:30:00${offset}`).toISOString());
      const ics = eventToIcs(event, { url: `https://refleks.test/arrangementer/${id}`, host: "refleks.test", now });
      expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
      expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      const calendar = new ICAL.Component(ICAL.parse(ics));
      expect(calendar.name).toBe("vcalendar");
      const vtimezone = calendar.getFirstSubcomponent("vtimezone")!;
      ICAL.TimezoneService.register(vtimezone);
      const vevent = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
      expect(vevent.summary).toBe("Møde; med, tegn\\ og æøå");
      expect(vevent.location).toBe(base.place);
      expect(vevent.startDate.toString()).toBe(`${day}T09:30:00`);
      expect(vevent.startDate.toJSDate().toISOString()).toBe(event.startsAt);
      expect(vevent.endDate.toJSDate().toISOString()).toBe(event.endsAt);
    }
  });

  it("finds the reminders due the day before, in Danish days", async () => {
    const staff = await createUser(db, { role: "staff" });
    const flex = await createUser(db, { role: "flexjobber", email: "husk@example.dk" });
    const id = await createEvent(db, { ...base, day: "2027-03-10", startTime: "00:30", endTime: "02:00" }, staff.id, now);
    await signUp(db, { eventId: id, userId: flex.id, role: "flexjobber" }, now);
    const emails = async (at: Date) => (await dueReminders(db, at)).filter((r) => r.eventId === id).map((r) => r.email);
    expect(await emails(new Date("2027-03-09T10:00:00Z"))).toEqual(["husk@example.dk"]);
    expect(await emails(new Date("2027-03-08T10:00:00Z"))).toEqual([]);
  });
});

describe("Tidligere arrangementer", () => {
  it("staff find past events (newest first) with how much attendance is recorded; others see only coming ones", async () => {
    const staff = await createUser(db, { role: "staff" });
    const past = await createEvent(db, { ...base, title: "Sommerkaffe", day: "2026-06-10", capacity: 5 }, staff.id, new Date("2026-06-01T09:00:00Z"));
    const flex = await createUser(db, { role: "flexjobber" });
    await signUp(db, { eventId: past, userId: flex.id, role: "flexjobber" }, new Date("2026-06-02T09:00:00Z"));
    const page = (await (await run(eventsPage.loader, get("/arrangementer", await sessionCookie(staff.id)))).json()) as {
      past: { title: string; registered: number; marked: number }[];
    };
    expect(page.past.find((e) => e.title === "Sommerkaffe")).toMatchObject({ registered: 1, marked: 0 });
    const forFlex = (await (await run(eventsPage.loader, get("/arrangementer", await sessionCookie(flex.id)))).json()) as { past: unknown[] };
    expect(forFlex.past).toEqual([]);
  });
});
