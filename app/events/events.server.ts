import { sql } from "kysely";

import { addDays, danishDaysToUtc, danishTimeToUtc, localDate } from "~/utils/dates";
import { paginate } from "~/utils/paging";

import { asOneStep, type Db } from "../../db/kysely";
import type { Event, RegistrationStatus, Role } from "../../db/schema";
import { isStaffRole } from "../../db/schema";
import { audiencesFor } from "./options";
import type { EventInput } from "./schemas";

// Events, sign-ups and the waitlist. Capacity is enforced inside single SQL
// statements, so concurrent sign-ups (even from other connections or
// processes) can never overfill an event.

export function eventValues(input: EventInput) {
  return {
    title: input.title,
    description: input.description,
    startsAt: danishTimeToUtc(input.day, input.startTime).toISOString(),
    endsAt: danishTimeToUtc(input.day, input.endTime).toISOString(),
    place: input.place ?? null,
    onlineUrl: input.onlineUrl ?? null,
    audience: input.audience,
    capacity: input.capacity,
    // Sign-up closes at the end of the chosen Danish day.
    signupDeadline: input.signupDeadline ? danishDaysToUtc(input.signupDeadline).end : null,
  };
}

export async function createEvent(db: Db, input: EventInput, staffId: string, now = new Date()): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto("events")
    .values({ ...eventValues(input), cancelledAt: null, createdBy: staffId, createdAt: at, updatedAt: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Saves changes; more places move people up from the waitlist. Returns who moved up. */
export async function updateEvent(db: Db, id: number, input: EventInput, now = new Date()): Promise<string[]> {
  await db
    .updateTable("events")
    .set({ ...eventValues(input), updatedAt: now.toISOString() })
    .where("id", "=", id)
    .execute();
  return promoteFromWaitlist(db, id, now);
}

/** Cancels the event; returns everyone signed up or waiting, to tell them. */
export async function cancelEvent(db: Db, id: number, now = new Date()): Promise<{ email: string; name: string }[]> {
  await db.updateTable("events").set({ cancelledAt: now.toISOString(), updatedAt: now.toISOString() }).where("id", "=", id).where("cancelledAt", "is", null).execute();
  return db
    .selectFrom("eventRegistrations as r")
    .innerJoin("users as u", "u.id", "r.userId")
    .select(["u.email", "u.name"])
    .where("r.eventId", "=", id)
    .where("r.status", "in", ["registered", "waitlist"])
    .execute();
}

export async function getEvent(db: Db, id: number): Promise<Event | undefined> {
  return db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface EventListItem {
  id: number;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  audience: Event["audience"];
  capacity: number;
  registered: number;
  waitlist: number;
  /** Registrations whose attendance staff have marked. */
  marked: number;
  cancelledAt: string | null;
  signupDeadline: string | null;
  myStatus: RegistrationStatus | null;
}

/**
 * Upcoming (not yet ended) events for this role's audiences, with counts and
 * the user's own status; or just one event (ended or not) with `eventId`.
 */
export async function listEvents(
  db: Db,
  { role, userId, eventId, past = false }: { role: Role; userId: string; eventId?: number; /** Ended events, newest first (staff record attendance there). */ past?: boolean },
  now = new Date(),
) {
  let query = db
    .selectFrom("events as e")
    .leftJoin("eventRegistrations as mine", (join) => join.onRef("mine.eventId", "=", "e.id").on("mine.userId", "=", userId))
    .select((eb) => [
      "e.id",
      "e.title",
      "e.startsAt",
      "e.endsAt",
      "e.place",
      "e.onlineUrl",
      "e.audience",
      "e.capacity",
      "e.cancelledAt",
      "e.signupDeadline",
      "mine.status as myStatus",
      eb
        .selectFrom("eventRegistrations as r")
        .select((x) => x.fn.countAll<number>().as("n"))
        .whereRef("r.eventId", "=", "e.id")
        .where("r.status", "=", "registered")
        .as("registered"),
      eb
        .selectFrom("eventRegistrations as r")
        .select((x) => x.fn.countAll<number>().as("n"))
        .whereRef("r.eventId", "=", "e.id")
        .where("r.status", "=", "waitlist")
        .as("waitlist"),
      eb
        .selectFrom("eventRegistrations as r")
        .select((x) => x.fn.countAll<number>().as("n"))
        .whereRef("r.eventId", "=", "e.id")
        .where("r.attended", "is not", null)
        .as("marked"),
    ])
    .where("e.audience", "in", audiencesFor(role))
    .orderBy("e.startsAt", past ? "desc" : "asc");
  if (eventId !== undefined) query = query.where("e.id", "=", eventId);
  else if (past) query = query.where("e.endsAt", "<", now.toISOString()).limit(50);
  else query = query.where("e.endsAt", ">=", now.toISOString());
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, registered: r.registered ?? 0, waitlist: r.waitlist ?? 0, marked: r.marked ?? 0 })) satisfies EventListItem[];
}

export type SignUpResult = "registered" | "waitlist" | "already" | "closed" | "not_found";

/** Signs up, or puts on the waitlist when the event is full. */
export async function signUp(db: Db, input: { eventId: number; userId: string; role: Role }, now = new Date()): Promise<SignUpResult> {
  const event = await getEvent(db, input.eventId);
  if (!event || !audiencesFor(input.role).includes(event.audience) || isStaffRole(input.role)) return "not_found";
  const at = now.toISOString();
  if (event.cancelledAt || event.startsAt <= at || (event.signupDeadline && event.signupDeadline <= at)) return "closed";
  // A cancelled sign-up starts again at the back of the queue.
  await db.deleteFrom("eventRegistrations").where("eventId", "=", event.id).where("userId", "=", input.userId).where("status", "=", "cancelled").execute();
  // One step: two sign-ups never count the same free place.
  const row = await asOneStep(db, (trx) =>
    sql<{ status: RegistrationStatus }>`
    insert into event_registrations (event_id, user_id, status, created_at, updated_at)
    select e.id, ${input.userId},
      case when (select count(*) from event_registrations r where r.event_id = e.id and r.status = 'registered') < e.capacity
        then 'registered' else 'waitlist' end,
      ${at}, ${at}
    from events e where e.id = ${event.id}
    on conflict (event_id, user_id) do nothing
    returning status`.execute(trx),
  );
  return row.rows[0]?.status === "registered" ? "registered" : row.rows[0]?.status === "waitlist" ? "waitlist" : "already";
}

/**
 * Cancels a sign-up (or a waitlist place); the first on the waitlist moves up.
 * Returns who moved up. No transaction on purpose (it would block other
 * connections): each move up is one step of its own.
 */
export async function cancelRegistration(db: Db, input: { eventId: number; userId: string }, now = new Date()): Promise<{ cancelled: boolean; promoted: string[] }> {
  // One step, like the move up below: on PostgreSQL a move up running at the same
  // moment could otherwise register the row this cancels (its row check does not
  // re-run the subquery that picked the row).
  const result = await asOneStep(db, (trx) =>
    trx
      .updateTable("eventRegistrations")
      .set({ status: "cancelled", updatedAt: now.toISOString() })
      .where("eventId", "=", input.eventId)
      .where("userId", "=", input.userId)
      .where("status", "in", ["registered", "waitlist"])
      .executeTakeFirst(),
  );
  const cancelled = result.numUpdatedRows > 0n;
  return { cancelled, promoted: cancelled ? await promoteFromWaitlist(db, input.eventId, now) : [] };
}

/** Moves people up from the waitlist, first come first served, while there are free places. */
export async function promoteFromWaitlist(db: Db, eventId: number, now = new Date()): Promise<string[]> {
  const promoted: string[] = [];
  for (;;) {
    // (Result columns come back camelCased by the CamelCasePlugin.)
    const row = await asOneStep(db, (trx) =>
      sql<{ userId: string }>`
      update event_registrations set status = 'registered', updated_at = ${now.toISOString()}
      where id = (select id from event_registrations where event_id = ${eventId} and status = 'waitlist' order by id limit 1)
        and status = 'waitlist'
        and (select count(*) from event_registrations where event_id = ${eventId} and status = 'registered')
          < (select capacity from events where id = ${eventId})
      returning user_id`.execute(trx),
    );
    const userId = row.rows[0]?.userId;
    if (userId) {
      promoted.push(userId);
      continue;
    }
    // Nobody moved up. On PostgreSQL that can also mean the person first in line
    // cancelled while this statement ran: then look again, with fresh rows.
    if (!(await placeAndQueue(db, eventId))) return promoted;
  }
}

/** Whether the event has a free place and someone waiting for one. */
async function placeAndQueue(db: Db, eventId: number): Promise<boolean> {
  const counts = await db
    .selectFrom("eventRegistrations")
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when("status", "=", "registered").then(1).else(0).end()).as("registered"),
      eb.fn.sum<number>(eb.case().when("status", "=", "waitlist").then(1).else(0).end()).as("waiting"),
    ])
    .where("eventId", "=", eventId)
    .executeTakeFirst();
  const event = await db.selectFrom("events").select("capacity").where("id", "=", eventId).executeTakeFirst();
  return Boolean(event && counts && Number(counts.waiting ?? 0) > 0 && Number(counts.registered ?? 0) < event.capacity);
}

/** Signed up first, then the waiting list, each in the order they came. */
function participantsQuery(db: Db, eventId: number) {
  return db
    .selectFrom("eventRegistrations as r")
    .innerJoin("users as u", "u.id", "r.userId")
    .leftJoin("companies as c", "c.id", "u.companyId")
    .where("r.eventId", "=", eventId)
    .where("r.status", "in", ["registered", "waitlist"]);
}

function participantRows(db: Db, eventId: number) {
  return participantsQuery(db, eventId)
    .select(["r.id", "r.status", "r.createdAt", "r.attended", "u.name", "u.email", "u.role", "c.name as companyName"])
    .orderBy((eb) => eb.case().when("r.status", "=", "registered").then(0).else(1).end())
    .orderBy("r.id");
}

/** Every participant and the waiting list (the CSV, reminders, the demo). */
export async function listParticipants(db: Db, eventId: number) {
  return participantRows(db, eventId).execute();
}

/** One page of the participants (the event's page for staff), and how many are signed up in all. */
export async function pageOfParticipants(db: Db, eventId: number, page: number) {
  const [paged, registered] = await Promise.all([
    paginate(
      async () =>
        (
          await participantsQuery(db, eventId)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      (limit, offset) => participantRows(db, eventId).limit(limit).offset(offset).execute(),
      page,
    ),
    participantsQuery(db, eventId)
      .where("r.status", "=", "registered")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { ...paged, registered: Number(registered.n) };
}

export async function setAttendance(db: Db, input: { eventId: number; registrationId: number; attended: boolean }): Promise<boolean> {
  const result = await db
    .updateTable("eventRegistrations")
    .set({ attended: input.attended ? 1 : 0 })
    .where("id", "=", input.registrationId)
    .where("eventId", "=", input.eventId)
    .where("status", "=", "registered")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Signed-up people of events that start on the next Danish day and have not been reminded. */
export async function dueReminders(db: Db, now = new Date()) {
  const tomorrow = addDays(localDate(now), 1);
  const { start: from, end: to } = danishDaysToUtc(tomorrow);
  return db
    .selectFrom("eventRegistrations as r")
    .innerJoin("events as e", "e.id", "r.eventId")
    .innerJoin("users as u", "u.id", "r.userId")
    .select(["r.id", "u.id as userId", "u.email", "u.name", "e.id as eventId", "e.title", "e.startsAt", "e.place", "e.onlineUrl"])
    .where("r.status", "=", "registered")
    .where("r.remindedAt", "is", null)
    .where("e.cancelledAt", "is", null)
    .where("e.startsAt", ">=", from)
    .where("e.startsAt", "<", to)
    .execute();
}

export async function markReminded(db: Db, registrationId: number, now = new Date()): Promise<void> {
  await db.updateTable("eventRegistrations").set({ remindedAt: now.toISOString() }).where("id", "=", registrationId).execute();
}
