import fs from "node:fs";
import path from "node:path";

import { markRead, saveArticle } from "~/content/articles.server";
import { uploadsDir } from "~/content/uploads.server";
import { createEvent, listParticipants, setAttendance, signUp } from "~/events/events.server";
import { threadForAcceptedRequest } from "~/messages/threads.server";
import { expressInterest } from "~/openings/interests.server";
import { liveOpenings } from "~/openings/openings.server";
import { answerContactRequest, createContactRequest } from "~/profiles/contact.server";
import { setProfileHidden } from "~/profiles/profile.server";
import { returnProfile } from "~/profiles/review.server";
import { recordActivityDays } from "~/stats/activity.server";
import { addDays, localDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";
import type { Role } from "../../db/schema";
import { createFlexjobberWithProfile, createOpening } from "./builders.server";
import { meetingDay } from "./calendar";

// What makes the demo feel lived in for a newcomer:
// events ahead (one full, with a waitlist) and behind (with attendance),
// articles and a captioned video under Viden, and contact requests in every
// state. All made through the domain functions, at times in the past.

const DAY = 86_400_000;
type Person = { id: string; role: Role };

export async function demoEvents(db: Db, o: { staffId: string; flexjobbers: Person[]; companyUsers: Person[] }, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const on = (days: number) => localDate(new Date(now.getTime() + days * DAY));
  const event = (title: string, description: string, days: number, audience: "flexjobbers" | "companies" | "both", capacity: number, createdDaysAgo: number) =>
    createEvent(
      db,
      {
        title,
        description,
        day: meetingDay(on(days)),
        startTime: "10:00",
        endTime: "12:00",
        place: "Jobcentret, Eksempelvej 1, 2820 Gentofte",
        onlineUrl: undefined,
        audience,
        capacity,
        signupDeadline: undefined,
      },
      o.staffId,
      ago(createdDaysAgo),
    );

  // Full, with two on the waitlist.
  const cafe = await event(
    "Netværkscafé for fleksjobbere",
    "Kaffe, kage og en snak med andre fleksjobbere. En jobkonsulent er med og svarer på spørgsmål.",
    6,
    "flexjobbers",
    3,
    14,
  );
  for (const [i, p] of o.flexjobbers.slice(0, 5).entries()) await signUp(db, { eventId: cafe, userId: p.id, role: p.role }, ago(10 - i));
  const workshop = await event(
    "Workshop: Skriv en god profil",
    "Vi hjælper dig med at beskrive dine kompetencer og skånebehov, så virksomhederne forstår dem.",
    13,
    "flexjobbers",
    12,
    10,
  );
  for (const p of o.flexjobbers.slice(0, 2)) await signUp(db, { eventId: workshop, userId: p.id, role: p.role }, ago(3));
  const morning = await event("Morgenmøde for virksomheder", "Hør hvordan andre virksomheder har fået en fleksjobber godt i gang. Morgenmad fra kl. 9.30.", 9, "companies", 30, 12);
  for (const p of o.companyUsers.slice(0, 1)) await signUp(db, { eventId: morning, userId: p.id, role: p.role }, ago(5));
  await event("Jobmesse: Mød virksomhederne", "Virksomheder, der gerne vil ansætte fleksjobbere, fortæller om deres job. Alle er velkomne.", 27, "both", 80, 7);

  // Behind us, with who came.
  for (const [title, daysAgo] of [
    ["Jobcafé", 20],
    ["Fællesmøde om fleksjob", 48],
  ] as const) {
    const past = await createEvent(
      db,
      {
        title,
        description: "Et uformelt møde om job og fleksjob.",
        day: meetingDay(localDate(ago(daysAgo))),
        startTime: "13:00",
        endTime: "15:00",
        place: "Jobcentret",
        onlineUrl: undefined,
        audience: "both",
        capacity: 25,
        signupDeadline: undefined,
      },
      o.staffId,
      ago(daysAgo + 21),
    );
    for (const p of [...o.flexjobbers, ...o.companyUsers]) await signUp(db, { eventId: past, userId: p.id, role: p.role }, ago(daysAgo + 7));
    for (const [i, r] of (await listParticipants(db, past)).entries()) {
      if (r.status === "registered") await setAttendance(db, { eventId: past, registrationId: r.id, attended: i % 4 !== 3 });
    }
  }
}

export async function demoViden(db: Db, o: { staffId: string; readers: string[] }, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const article = (title: string, summary: string, body: string, tags: string, audience: "flexjobbers" | "companies" | "both", days: number) =>
    saveArticle(
      db,
      { kind: "article", title, summary, body, tags: tags.split(","), audience, status: "published", videoUrl: undefined, transcript: undefined },
      {},
      { staffId: o.staffId },
      ago(days),
    );

  const profile = await article(
    "Sådan skriver du en profil, virksomhederne forstår",
    "Fem råd til din profil: kompetencer, timer og skånebehov.",
    [
      "Din profil er det første, en virksomhed ser. Den er anonym, indtil du siger ja.",
      "",
      "## Fem råd",
      "",
      "1. **Skriv det, du kan**, også det du har lært uden for et job.",
      "2. **Vær ærlig om dine timer.** Hellere 10 timer, der holder, end 20, der ikke gør.",
      '3. **Skriv skånebehov som ønsker**, fx "pauser efter behov" eller "ingen tunge løft".',
      "4. **Vælg selv**, hvilke skånebehov virksomhederne må se.",
      "5. **Hold den ved lige.** Kig på den, når noget ændrer sig.",
    ].join("\n"),
    "profil,råd",
    "flexjobbers",
    30,
  );
  await article(
    "Hvad er et fleksjob?",
    "Et fleksjob er et job på særlige vilkår for dig, der ikke kan arbejde fuldt på normale vilkår.",
    "Et fleksjob er et job på nedsat tid og med hensyn til dine skånebehov. Arbejdsgiveren betaler løn for de timer, du arbejder, og kommunen giver et tilskud.\n\nSpørg din jobkonsulent, hvis du er i tvivl om noget.",
    "fleksjob,regler",
    "both",
    60,
  );
  await article(
    "Sådan tager I godt imod en fleksjobber",
    "Gode erfaringer fra virksomheder: en fast kollega, klare opgaver og en plan for de første uger.",
    "De bedste forløb starter med en fast kollega, som den nye kan spørge, og en plan for de første uger. Aftal tider og pauser fra starten, og tal sammen efter et par uger.\n\nJobcentret hjælper gerne undervejs.",
    "virksomheder,opstart",
    "companies",
    20,
  );

  // One captioned video (a short welcome, kept beside this file).
  const dir = uploadsDir();
  fs.mkdirSync(dir, { recursive: true });
  const assets = path.resolve("app/demo/assets");
  for (const [from, to] of [
    ["velkommen.webm", "demo-velkommen.webm"],
    ["velkommen.vtt", "demo-velkommen.vtt"],
  ] as const) {
    fs.copyFileSync(path.join(assets, from), path.join(dir, to));
  }
  await saveArticle(
    db,
    {
      kind: "video",
      title: "Velkommen til Refleks",
      summary: "En kort video om, hvordan du kommer i gang med din profil.",
      body: "",
      tags: ["video", "profil"],
      audience: "flexjobbers",
      status: "published",
      videoUrl: undefined,
      transcript:
        "Velkommen til Refleks, jobcentrets lukkede forum for fleksjobbere. Her ser du, hvordan du laver din profil: kompetencer, timer og skånebehov. Du bestemmer selv, hvad virksomhederne ser, og hvornår de får dit navn.",
    },
    { videoFile: "demo-velkommen.webm", videoType: "video/webm", captionsFile: "demo-velkommen.vtt" },
    { staffId: o.staffId },
    ago(25),
  );
  for (const [i, reader] of o.readers.entries()) await markRead(db, profile, reader, ago(20 - i));
}

/** Contact requests from the demo company in every state: waiting for an answer, said yes to (a conversation), said no to. */
export async function demoRequests(db: Db, o: { companyId: number; companyUserId: string; pending: string; accepted: string; declined: string }, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const send = async (profileUserId: string, days: number) => {
    const sent = await createContactRequest(
      db,
      { companyId: o.companyId, sentBy: o.companyUserId, profileUserId, message: "Hej. Vi har et job i vores kantine, som måske passer til dig. Vil du tale med os?" },
      ago(days),
    );
    return sent !== "not_found" && sent.kind === "sent" ? sent.requestId : null;
  };
  await send(o.pending, 1);
  const yes = await send(o.accepted, 5);
  if (yes) {
    await answerContactRequest(db, { userId: o.accepted, requestId: yes, answer: "accepted" }, ago(4));
    await threadForAcceptedRequest(db, yes, ago(4));
  }
  const no = await send(o.declined, 6);
  if (no) await answerContactRequest(db, { userId: o.declined, requestId: no, answer: "declined" }, ago(5));
}

/**
 * A row on every list of "Opfølgning" for the demo consultant: two quiet
 * citizens (profiles paused, so the candidate search is unchanged), a profile
 * sent back and not corrected, a request and an interest no one has answered
 * for over a week. Invitations, hires, openings and companies to follow up
 * come from the rest of the demo.
 */
export async function demoFollowUps(db: Db, o: { staffId: string; password: string }, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const today = localDate(now);
  const citizen = async (name: string, email: string, fixture: Parameters<typeof createFlexjobberWithProfile>[2], days: number) =>
    (await createFlexjobberWithProfile(db, { name, email, consultantId: o.staffId, password: o.password, createdAt: ago(days).toISOString() }, fixture, ago(days - 1))).user;

  for (const [name, email, lastLogin] of [
    ["Karin Krogh", "karin.demo@example.dk", 16],
    ["Leif Lund", "leif.demo@example.dk", 35],
  ] as const) {
    const user = await citizen(name, email, { approvedBy: o.staffId }, 90);
    await setProfileHidden(db, user.id, true, ago(lastLogin));
    await recordActivityDays(db, [
      { userId: user.id, day: addDays(today, -lastLogin - 7) },
      { userId: user.id, day: addDays(today, -lastLogin) },
    ]);
  }

  const sofie = await citizen("Sofie Strand", "sofie.demo@example.dk", { status: "pending" }, 30);
  await returnProfile(db, { userId: sofie.id, reason: "Skriv gerne lidt om, hvad du har lavet før, og hvor mange timer du kan arbejde." }, ago(9));
  await recordActivityDays(db, [{ userId: sofie.id, day: addDays(today, -8) }]);

  // An opening nobody has answered for three weeks, at a company that is otherwise active.
  const active = await db
    .selectFrom("companies as c")
    .innerJoin("users as u", "u.companyId", "c.id")
    .selectAll("u")
    .where("c.status", "=", "approved")
    .where("c.name", "!=", "Demo Køkken ApS")
    .where((eb) => eb.exists(eb.selectFrom("openings as op").select("op.id").whereRef("op.companyId", "=", "c.id")))
    .orderBy("c.id")
    .executeTakeFirst();
  if (active) {
    await createOpening(
      db,
      active.companyId!,
      {
        owner: active,
        title: "Pedelmedhjælper på skolen",
        description: "Du hjælper pedellen med små reparationer, oprydning og at gøre klar til arrangementer.",
        hoursMin: 8,
        hoursMax: 12,
        postcode: "2820",
        deadline: addDays(today, 30),
      },
      ago(20),
    );
  }

  // A company with a live opening and a user (the demo company's comes first).
  const other = await liveOpenings(db, now)
    .innerJoin("companies as c", "c.id", "o.companyId")
    .innerJoin("users as u", "u.companyId", "c.id")
    .select(["o.id as openingId", "c.id as companyId", "u.id as userId"])
    .orderBy("o.id")
    .executeTakeFirst();
  if (!other) return;
  const ulla = await citizen("Ulla Uldall", "ulla.demo@example.dk", { approvedBy: o.staffId }, 40);
  await recordActivityDays(db, [{ userId: ulla.id, day: today }]);
  await createContactRequest(
    db,
    { companyId: other.companyId, sentBy: other.userId, profileUserId: ulla.id, message: "Hej. Vi har et job, der måske passer til dig. Vil du tale med os?" },
    ago(9),
  );
  const kaj = await citizen("Kaj Kristensen", "kaj.demo@example.dk", { approvedBy: o.staffId }, 40);
  await recordActivityDays(db, [{ userId: kaj.id, day: today }]);
  if ((await expressInterest(db, { userId: kaj.id, openingId: other.openingId, shareIdentity: false }, now)) === "sent") {
    await db
      .updateTable("interests")
      .set({ createdAt: ago(10).toISOString(), updatedAt: ago(10).toISOString() })
      .where("userId", "=", kaj.id)
      .execute();
  }
}
