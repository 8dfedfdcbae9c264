import { runSavedSearchAlerts } from "~/alerts/alerts.server";
import { saveSearch } from "~/alerts/saved-searches.server";
import { HEALTH_CONSENT_VERSION, PRIVACY_VERSION } from "~/auth/consent-texts";
import { createInvitation } from "~/auth/invitations.server";
import { saveJobcenterContact } from "~/jobcenter/contact.server";
import { openInterestThread, postMessage, startJobcenterThread } from "~/messages/threads.server";
import { expressInterest, setInterestStage } from "~/openings/interests.server";
import { addToShortlist } from "~/openings/shortlist.server";
import { createContactRequest } from "~/profiles/contact.server";
import { addDays, localDate } from "~/utils/dates";

import { type Db, inTransaction } from "../../db/kysely";
import { STAFF_ROLES } from "../../db/schema";
import { createCompany, createFlexjobberWithProfile, createOpening, createUser, fillProfile, type ProfileFixture } from "./builders.server";
import { DEMO_CITIZEN_SUBJECT, DEV_IDP_ISSUER } from "./dev-identities";
import { generateMunicipality, type GenerateOptions } from "./generate.server";
import { demoEvents, demoFollowUps, demoRequests, demoViden } from "./lived-in.server";

export const DEMO_PASSWORD = "refleks-demo";

export const DEMO_LOGINS = [
  { role: "admin", email: "admin@demo.refleks.dk", label: "Administrator" },
  { role: "staff", email: "medarbejder@demo.refleks.dk", label: "Jobcenter-medarbejder" },
  { role: "company", email: "virksomhed@demo.refleks.dk", label: "Virksomhed, administrator (Demo Køkken ApS)" },
  { role: "company", email: "kollega@demo.refleks.dk", label: "Virksomhed, medarbejder (Demo Køkken ApS)" },
  { role: "flexjobber", email: "borger@demo.refleks.dk", label: "Fleksjobber med profil" },
  { role: "flexjobber", email: "ny@demo.refleks.dk", label: "Ny fleksjobber uden profil" },
] as const;

const DAY = 86_400_000;

/**
 * The demo municipality "Jobcenter Demo": the four demo logins, a few
 * companies in every approval state and flexjobber invitations in every state.
 * Idempotent: does nothing when the demo admin already exists.
 */
/** The generated part: small by default (for `npm start`), full size from `npm run seed:demo`. */
export const SMALL_MUNICIPALITY = { flexjobbers: 40, companies: 12, months: 12, seed: 7, liveOpenings: false };

export async function seedDemo(db: Db, now = new Date(), generate: Omit<GenerateOptions, "staffIds"> = SMALL_MUNICIPALITY): Promise<"seeded" | "exists"> {
  const exists = await db.selectFrom("users").select("id").where("email", "=", DEMO_LOGINS[0].email).executeTakeFirst();
  if (exists) return "exists";
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const seeded = await inTransaction(db, async (trx) => {
    // Checked again inside the transaction (one writer at a time on both databases):
    // two processes starting at once on a new database seed it once.
    if (await trx.selectFrom("users").select("id").where("email", "=", DEMO_LOGINS[0].email).executeTakeFirst()) return false;
    await trx
      .insertInto("settings")
      .values({ key: "municipality_name", value: "Jobcenter Demo" })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();

    // Every date from `now`, never the clock, so a seed on a given day is the same seed.
    const admin = await createUser(trx, { role: "admin", email: "admin@demo.refleks.dk", name: "Anne Andersen", password: DEMO_PASSWORD, createdAt: ago(60).toISOString() });
    const staff = await createUser(trx, {
      role: "staff",
      email: "medarbejder@demo.refleks.dk",
      name: "Mette Mortensen",
      password: DEMO_PASSWORD,
      createdAt: ago(60).toISOString(),
    });

    const kitchen = await createCompany(trx, {
      name: "Demo Køkken ApS",
      cvr: "12345678",
      contactName: "Karsten Kok",
      contactEmail: "virksomhed@demo.refleks.dk",
      status: "approved",
      decidedBy: staff.id,
      decidedAt: ago(30).toISOString(),
      createdAt: ago(32).toISOString(),
    });
    const companyUser = await createUser(trx, {
      role: "company",
      email: "virksomhed@demo.refleks.dk",
      name: "Karsten Kok",
      companyId: kitchen.id,
      isCompanyAdmin: 1,
      password: DEMO_PASSWORD,
      createdAt: ago(31).toISOString(),
    });
    await useInvitation(
      trx,
      { email: companyUser.email, name: companyUser.name, role: "company", invitedBy: staff.id, companyId: kitchen.id, isCompanyAdmin: true },
      companyUser.id,
      ago(30),
    );
    // A plain colleague (not a company administrator).
    const colleague = await createUser(trx, {
      role: "company",
      email: "kollega@demo.refleks.dk",
      name: "Kamilla Kristensen",
      companyId: kitchen.id,
      isCompanyAdmin: 0,
      password: DEMO_PASSWORD,
      createdAt: ago(26).toISOString(),
    });
    await useInvitation(
      trx,
      { email: colleague.email, name: colleague.name, role: "company", invitedBy: companyUser.id, companyId: kitchen.id, isCompanyAdmin: false },
      colleague.id,
      ago(25),
    );

    const garden = await createCompany(trx, {
      name: "Grøn Have A/S",
      cvr: "23456789",
      contactName: "Gitte Gartner",
      contactEmail: "gitte@groenhave.example",
      status: "approved",
      decidedBy: staff.id,
      decidedAt: ago(2).toISOString(),
      createdAt: ago(4).toISOString(),
    });
    await createInvitation(trx, { email: garden.contactEmail, name: garden.contactName, role: "company", invitedBy: staff.id, companyId: garden.id, isCompanyAdmin: true }, ago(2));
    await createCompany(trx, {
      name: "Byens Bageri",
      cvr: "34567890",
      contactName: "Bo Bager",
      contactEmail: "bo@byensbageri.example",
      status: "pending",
      createdAt: ago(1).toISOString(),
    });
    await createCompany(trx, {
      name: "Hurtig Transport ApS",
      cvr: "45678901",
      contactName: "Hanne Holm",
      contactEmail: "hanne@hurtigtransport.example",
      status: "pending",
      createdAt: ago(3).toISOString(),
    });
    await createCompany(trx, {
      name: "Eksempel Handel ApS",
      cvr: "56789012",
      contactName: "Erik Eksempel",
      contactEmail: "erik@eksempelhandel.example",
      status: "rejected",
      decisionNote: "Virksomheden ligger uden for kommunen.",
      decidedBy: staff.id,
      decidedAt: ago(10).toISOString(),
      createdAt: ago(12).toISOString(),
    });

    // Flexjobbers: the demo login with a published profile that matches the
    // canteen job, a new one who has not started (to try the editor), and a
    // colleague with an approved profile; then invitations in every other state.
    for (const [email, name, days] of [
      ["borger@demo.refleks.dk", "Bente Berg", 20],
      ["ny@demo.refleks.dk", "Nina Nygaard", 2],
      ["peter.demo@example.dk", "Peter Poulsen", 9],
    ] as const) {
      const user = await createUser(trx, { role: "flexjobber", email, name, consultantId: staff.id, password: DEMO_PASSWORD, createdAt: ago(days).toISOString() });
      await useInvitation(trx, { email, name, role: "flexjobber", invitedBy: staff.id, consultantId: staff.id }, user.id, ago(days + 1));
      await trx
        .insertInto("consents")
        .values([
          { userId: user.id, purpose: "privacy_statement", textVersion: PRIVACY_VERSION, givenAt: ago(days).toISOString(), withdrawnAt: null },
          { userId: user.id, purpose: "health_data", textVersion: HEALTH_CONSENT_VERSION, givenAt: ago(days).toISOString(), withdrawnAt: null },
        ])
        .execute();
    }
    const peter = await trx.selectFrom("users").select("id").where("email", "=", "peter.demo@example.dk").executeTakeFirstOrThrow();
    await fillProfile(trx, peter.id, { ...DEMO_PROFILES[0]!, approvedBy: staff.id }, ago(8));
    const bente = await trx.selectFrom("users").select("id").where("email", "=", "borger@demo.refleks.dk").executeTakeFirstOrThrow();
    await fillProfile(trx, bente.id, { ...BENTE_PROFILE, approvedBy: staff.id }, ago(18));
    // Her MitID at the local test provider (npm run dev:idp), so "Log ind med MitID" can be tried.
    await trx
      .insertInto("loginIdentities")
      .values({ issuer: DEV_IDP_ISSUER, subject: DEMO_CITIZEN_SUBJECT, userId: bente.id, audience: "citizen", createdAt: ago(18).toISOString() })
      .execute();
    // More citizens with profiles, so "Find kandidater" and the staff queue have something to show.
    for (const [i, fixture] of DEMO_PROFILES.slice(1).entries()) {
      const [name, email] = DEMO_CITIZENS[i]!;
      const { user } = await createFlexjobberWithProfile(
        trx,
        { email, name, phone: `+45 20 ${10 + i} 30 40`, consultantId: staff.id, password: DEMO_PASSWORD, createdAt: ago(15 - i).toISOString() },
        { ...fixture, approvedBy: staff.id },
        ago(14 - i),
      );
      // A closed forum: every account came from an invitation.
      await useInvitation(trx, { email, name, role: "flexjobber", invitedBy: staff.id, consultantId: staff.id }, user.id, ago(16 - i));
    }
    // Openings from the demo company: two published, one draft.
    const openings: number[] = [];
    // The canteen job has a deadline three weeks ahead, so "Ansøgningsfrist" and "Forlæng fristen" show.
    for (const [i, opening] of DEMO_OPENINGS.entries()) {
      const deadline = i === 0 ? addDays(localDate(now), 21) : undefined;
      openings.push((await createOpening(trx, kitchen.id, { ...opening, deadline, owner: companyUser }, ago(opening.status === "draft" ? 1 : 6))).id);
    }
    await demoCandidates(trx, { canteen: openings[0]!, warehouse: openings[1]!, companyId: kitchen.id, companyUserId: companyUser.id }, ago(4));
    await demoThreads(trx, { staffId: staff.id, companyId: kitchen.id, companyUserId: companyUser.id, canteen: openings[0]! }, ago(3));
    await demoSavedSearches(trx, companyUser.id, ago(7));
    const byEmail = async (email: string) => await trx.selectFrom("users").select(["id", "role"]).where("email", "=", email).executeTakeFirstOrThrow();
    const [hanne, jamal, lene, morten, peterP, nina] = await Promise.all(
      ["hanne.demo@example.dk", "jamal.demo@example.dk", "lene.demo@example.dk", "morten.demo@example.dk", "peter.demo@example.dk", "ny@demo.refleks.dk"].map(byEmail),
    );
    await demoRequests(trx, { companyId: kitchen.id, companyUserId: companyUser.id, pending: bente.id, accepted: hanne!.id, declined: morten!.id }, now);
    await demoEvents(
      trx,
      {
        staffId: staff.id,
        flexjobbers: [bente, jamal!, hanne!, lene!, morten!, peterP!].map((p) => ({ id: p.id, role: "flexjobber" as const })),
        companyUsers: [
          { id: companyUser.id, role: "company" },
          { id: colleague.id, role: "company" },
        ],
      },
      now,
    );
    await demoViden(trx, { staffId: staff.id, readers: [bente.id, hanne!.id, jamal!.id, nina!.id] }, now);
    await saveJobcenterContact(trx, {
      name: "Jobcenter Demo",
      address: "Eksempelvej 1\n2820 Gentofte",
      phone: "70 10 20 30",
      email: "jobcenter@demo.refleks.dk",
      openingHours: "Mandag til torsdag 9-15\nFredag 9-12",
    });

    await createInvitation(trx, { email: "ole.demo@example.dk", name: "Ole Olsen", role: "flexjobber", invitedBy: staff.id, consultantId: staff.id }, ago(3));
    // Invited long ago and never came: expired.
    await createInvitation(trx, { email: "eva.demo@example.dk", name: "Eva Eriksen", role: "flexjobber", invitedBy: staff.id, consultantId: null }, ago(200));
    const revoked = await createInvitation(trx, { email: "rasmus.demo@example.dk", name: "Rasmus Rask", role: "flexjobber", invitedBy: admin.id, consultantId: staff.id }, ago(6));
    await trx
      .updateTable("invitations")
      .set({ revokedAt: ago(5).toISOString() })
      .where("id", "=", revoked.invitation.id)
      .execute();
    return true;
  });
  if (!seeded) return "exists";
  // A municipality around the hand-made demo: citizens, companies, login habits, statuses, hires, events.
  const staffIds = (await db.selectFrom("users").select("id").where("role", "in", STAFF_ROLES).execute()).map((u) => u.id);
  await generateMunicipality(db, { ...generate, staffIds }, now);
  const consultant = await db.selectFrom("users").select("id").where("email", "=", "medarbejder@demo.refleks.dk").executeTakeFirstOrThrow();
  await demoFollowUps(db, { staffId: consultant.id, password: DEMO_PASSWORD }, now);
  return "seeded";
}

const DEMO_OPENINGS = [
  {
    title: "Køkkenmedhjælper i kantinen",
    description: "Vi laver frokost til 120 medarbejdere. Du bliver en del af et roligt køkken med faste opgaver og en fast kollega, du altid kan spørge.",
    tasks: ["Hjælpe til med at lave salater", "Tage opvasken", "Gøre klar til frokost"],
    hoursMin: 10,
    hoursMax: 15,
    flexibility: "flexible" as const,
    postcode: "2820",
    industry: "Hotel, restaurant og kantine",
    required: ["Køkkenhjælp"],
    wanted: ["Opvask", "Madlavning"],
    offers: ["Fleksible mødetider", "Pauser efter behov", "En fast kollega eller mentor"],
  },
  {
    title: "Lagermedhjælper om formiddagen",
    description: "Vi modtager varer til køkkenet hver formiddag. Du pakker ud, sorterer og holder orden på lageret. Vi har en truck, men der er ingen tunge løft.",
    tasks: ["Pakke varer ud", "Sortere varer", "Holde orden på lageret"],
    hoursMin: 8,
    hoursMax: 12,
    flexibility: "fixed" as const,
    postcode: "2900",
    industry: "Transport og lager",
    required: ["Lagerarbejde"],
    wanted: ["Pakning"],
    offers: ["Ingen tunge løft", "Faste opgaver"],
  },
  {
    title: "Kagebager (kladde)",
    description: "Vi overvejer at ansætte en kagebager. Opslaget er ikke færdigt.",
    hoursMin: 10,
    hoursMax: 20,
    flexibility: "by_agreement" as const,
    postcode: "2820",
    industry: "Hotel, restaurant og kantine",
    required: ["Madlavning"],
    wanted: [],
    offers: [],
    status: "draft" as const,
  },
];

/** Bente, the demo flexjobber: a published profile that the canteen job fits well. */
const BENTE_PROFILE: ProfileFixture = {
  headline: "Køkkenhjælper med hygiejnebevis og godt humør",
  summary: "Jeg har hjulpet til i et storkøkken og kan lide at lave mad til mange. Jeg arbejder bedst om formiddagen og med faste opgaver.",
  birthDate: "1981-06-12",
  competences: ["Køkkenhjælp", "Opvask", "Madlavning", "Rengøring"],
  certificates: ["Hygiejnebevis"],
  industries: ["Hotel, restaurant og kantine"],
  experiences: [{ title: "Køkkenmedhjælper", industry: "Hotel, restaurant og kantine", years: 6 }],
  hours: [10, 15],
  postcode: "2820",
  maxCommuteKm: 10,
  healthConsent: true,
  accommodations: [
    { label: "Pauser efter behov", visible: true },
    { label: "Ingen tunge løft", visible: false },
  ],
};

const DEMO_CITIZENS = [
  ["Hanne Holm Hansen", "hanne.demo@example.dk"],
  ["Jamal Jensen", "jamal.demo@example.dk"],
  ["Lene Lind", "lene.demo@example.dk"],
  ["Morten Munk", "morten.demo@example.dk"],
] as const;

const DEMO_PROFILES: ProfileFixture[] = [
  {
    headline: "Rolig lagermedarbejder med truckcertifikat",
    summary: "Jeg har arbejdet på lager i mange år. Jeg er grundig og kan lide faste opgaver og en fast kollega at spørge.",
    birthDate: "1974-05-02",
    competences: ["Lagerarbejde", "Pakning", "Varepåfyldning"],
    certificates: ["Truckcertifikat", "Kørekort B (bil)"],
    industries: ["Transport og lager"],
    experiences: [{ title: "Lagermedarbejder", industry: "Transport og lager", employer: "Nordisk Fragt", years: 9 }],
    hours: [10, 15],
    postcode: "2820",
    maxCommuteKm: 15,
    healthConsent: true,
    accommodations: [
      { label: "Ingen tunge løft", visible: true },
      { label: "Pauser efter behov", visible: true },
    ],
  },
  {
    headline: "Glad køkkenhjælper, der elsker at lave mad til mange",
    summary: "Jeg har hygiejnebevis og har hjulpet til i en kantine. Jeg arbejder bedst om formiddagen.",
    birthDate: "1985-11-20",
    competences: ["Køkkenhjælp", "Madlavning", "Opvask"],
    certificates: ["Hygiejnebevis"],
    industries: ["Hotel, restaurant og kantine"],
    experiences: [{ title: "Kantinemedhjælper", industry: "Hotel, restaurant og kantine", years: 4 }],
    hours: [8, 12],
    postcode: "2900",
    maxCommuteKm: 10,
    healthConsent: true,
    accommodations: [{ label: "Korte arbejdsdage", visible: true }],
  },
  {
    headline: "Kontorassistent med styr på tal og papirer",
    summary: "Jeg kan bogføre, fakturere og holde orden i et arkiv. Rolige omgivelser hjælper mig.",
    birthDate: "1968-02-14",
    competences: ["Administration", "Bogføring", "Fakturering", "Microsoft Office"],
    industries: ["Kontor og administration"],
    experiences: [{ title: "Bogholderassistent", industry: "Kontor og administration", employer: "Revisionshuset", years: 12 }],
    showEmployerNames: true,
    hours: [12, 20],
    postcode: "2800",
    maxCommuteKm: 20,
    availability: "open_to_change",
  },
  {
    headline: "Praktisk pedel og havemand",
    summary: "Jeg kan lide at arbejde udendørs og ordne de små ting, der gør en forskel.",
    birthDate: "1979-08-30",
    competences: ["Pedelarbejde", "Havearbejde", "Vedligeholdelse"],
    certificates: ["Kørekort B (bil)"],
    industries: ["Rengøring og ejendomsservice", "Landbrug, gartneri og skov"],
    hours: [15, 22],
    postcode: "2830",
    maxCommuteKm: 25,
    status: "pending",
  },
  {
    headline: "Tålmodig IT-supporter",
    summary: "Jeg hjælper gerne kolleger med computere og telefoner. Jeg arbejder helst hjemmefra nogle dage.",
    birthDate: "1990-03-03",
    competences: ["IT-support", "Kundeservice", "Telefonbetjening"],
    industries: ["IT og kommunikation"],
    hours: [10, 18],
    postcode: "2100",
    maxCommuteKm: 12,
    healthConsent: true,
    accommodations: [{ label: "Mulighed for hjemmearbejde", visible: true }],
  },
];

/**
 * The company's side of the demo: an interest in every stage (one hire
 * waiting for staff to confirm) and a shortlist on the canteen opening.
 */
async function demoCandidates(db: Db, o: { canteen: number; warehouse: number; companyId: number; companyUserId: string }, at: Date) {
  const byEmail = async (email: string) => (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const [peter, hanne, jamal, morten] = await Promise.all(["peter.demo@example.dk", ...DEMO_CITIZENS.filter((_, i) => i !== 2).map(([, email]) => email)].map(byEmail));
  const steps = [
    { userId: hanne!, openingId: o.canteen, stage: "new", share: false },
    { userId: jamal!, openingId: o.canteen, stage: "interview", share: true },
    // Peter stays anonymous to the company: a browser journey has him show interest anonymously.
    { userId: peter!, openingId: o.canteen, stage: "rejected", share: false },
    { userId: peter!, openingId: o.warehouse, stage: "dialog", share: false },
    { userId: morten!, openingId: o.warehouse, stage: "hired", share: true },
  ] as const;
  for (const step of steps) {
    await expressInterest(db, { userId: step.userId, openingId: step.openingId, shareIdentity: step.share, message: "Jeg vil gerne høre mere om jobbet." }, at);
    if (step.stage === "new") continue;
    const interest = await db.selectFrom("interests").select("id").where("userId", "=", step.userId).where("openingId", "=", step.openingId).executeTakeFirstOrThrow();
    await setInterestStage(db, { interestId: interest.id, companyId: o.companyId, stage: step.stage, userId: o.companyUserId }, at);
  }
  for (const userId of [hanne!, jamal!]) {
    const { alias } = await db.selectFrom("profiles").select("alias").where("userId", "=", userId).executeTakeFirstOrThrow();
    await addToShortlist(db, { openingId: o.canteen, companyId: o.companyId, alias, addedBy: o.companyUserId }, at);
  }
}

/**
 * Conversations for the demo logins, unread ones included: the flexjobber
 * with her consultant, the company with a candidate and with Jobcentret.
 */
async function demoThreads(db: Db, o: { staffId: string; companyId: number; companyUserId: string; canteen: number }, at: Date) {
  const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
  const staff = { id: o.staffId, role: "staff" as const, companyId: null };
  const company = { id: o.companyUserId, role: "company" as const, companyId: o.companyId };
  const bente = await db.selectFrom("users").select("id").where("email", "=", "borger@demo.refleks.dk").executeTakeFirstOrThrow();
  const flex = { id: bente.id, role: "flexjobber" as const, companyId: null };
  const own = await startJobcenterThread(db, flex, { subject: "Hjælp til min profil", body: "Hej Mette. Hvad skal jeg skrive under skånebehov?" }, at);
  await postMessage(
    db,
    staff,
    own,
    "Hej Bente. Skriv det, der gør en arbejdsdag god for dig, fx pauser eller ingen tunge løft. Du bestemmer selv, hvad virksomhederne ser.",
    later(30),
  );

  const jamal = await db.selectFrom("users").select("id").where("email", "=", "jamal.demo@example.dk").executeTakeFirstOrThrow();
  const interest = await db.selectFrom("interests").select("id").where("userId", "=", jamal.id).where("openingId", "=", o.canteen).executeTakeFirstOrThrow();
  const request = await createContactRequest(
    db,
    { companyId: o.companyId, sentBy: o.companyUserId, profileUserId: jamal.id, message: "Tak for din interesse. Vil du komme til en samtale?" },
    at,
  );
  if (request !== "not_found" && request.kind === "sent") {
    const thread = await openInterestThread(
      db,
      { interestId: interest.id, requestId: request.requestId, authorId: o.companyUserId, body: "Tak for din interesse. Vil du komme til en samtale?" },
      at,
    );
    await postMessage(db, { id: jamal.id, role: "flexjobber", companyId: null }, thread, "Ja tak. Jeg kan tirsdag eller torsdag formiddag.", later(60));
  }

  const question = await startJobcenterThread(db, company, { subject: "Spørgsmål om fleksjob", body: "Hvor mange timer kan en fleksjobber arbejde hos os?" }, later(90));
  await postMessage(db, staff, question, "Det aftaler I sammen med borgeren. Ring gerne, så hjælper vi med at finde det rette timetal.", later(120));
  await postMessage(db, company, question, "Tak. Jeg ringer i morgen formiddag.", later(150));
  await postMessage(db, staff, question, "Det er fint. Du kan også skrive her.", later(160));
  await startJobcenterThread(db, company, { subject: "Arrangement for virksomheder", body: "Holder I snart et morgenmøde for virksomheder?" }, later(200));
}

/** "Gemte søgninger" with news in them: the company's candidate search and Hanne's job search. */
async function demoSavedSearches(db: Db, companyUserId: string, at: Date) {
  const hanne = await db.selectFrom("users").select("id").where("email", "=", "hanne.demo@example.dk").executeTakeFirstOrThrow();
  await saveSearch(db, { userId: companyUserId, kind: "candidates", name: "Køkken og kantine", query: "q=køkken" }, at);
  await saveSearch(db, { userId: hanne.id, kind: "jobs", name: "Job i et køkken", query: "q=køkken" }, at);
  await runSavedSearchAlerts(db);
}

async function useInvitation(db: Db, input: Parameters<typeof createInvitation>[1], userId: string, at: Date) {
  const { invitation } = await createInvitation(db, input, at);
  await db.updateTable("invitations").set({ usedAt: at.toISOString(), userId }).where("id", "=", invitation.id).execute();
}
