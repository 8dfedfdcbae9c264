import { randomBytes } from "node:crypto";

import { acceptInvitation, createInvitation } from "~/auth/invitations.server";
import { hashPassword } from "~/auth/password.server";
import { registerCitizen } from "~/citizens/citizens.server";
import { confirmHire, recordEmploymentStatus } from "~/employment/employment.server";
import { createEvent, listParticipants, setAttendance, signUp } from "~/events/events.server";
import { threadForAcceptedRequest } from "~/messages/threads.server";
import { expressInterest, setInterestStage } from "~/openings/interests.server";
import { closeOpening, publishOpening, saveOpening } from "~/openings/openings.server";
import { answerContactRequest, createContactRequest } from "~/profiles/contact.server";
import { setProfileHidden } from "~/profiles/profile.server";
import { recordActivityDays } from "~/stats/activity.server";
import { addDays, danishTimeToUtc, localDate } from "~/utils/dates";

import type { Db } from "../../db/kysely";
import { inTransaction } from "../../db/kysely";
import type { EmploymentStatusValue } from "../../db/schema";
import { seedTerms } from "../../db/vocabularies/terms";
import { createCompany, fillProfile, type ProfileFixture } from "./builders.server";
import { meetingDay } from "./calendar";
import { habitDays, personaFor } from "./habits";
import { prng, quota, type Rng } from "./random";

/**
 * The demo municipality as a small simulation of people over time.
 * Day by day from the launch: staff register and invite citizens, who create
 * an account and publish a profile that staff approve; companies post
 * openings; a ledig flexjobber with a fresh profile is found by a company or
 * shows interest herself, is asked, says yes or no, goes to a samtale and may
 * be hired, and staff confirm it. Ordinary job changes happen too. Each
 * citizen logs in with a stable personal rhythm (habits.ts). Everything goes
 * through the domain functions with the simulated time, and nothing is dated
 * after `now`. Deterministic for a seed and a day.
 */
export interface GenerateOptions {
  flexjobbers: number;
  companies: number;
  months: number;
  seed: number;
  /** Keep the newest openings published (off for the small start-up version, so hand-made demos stay on top). */
  liveOpenings?: boolean;
  /** Staff user ids to use as consultants and approvers. */
  staffIds: string[];
}

const FIRST = [
  "Anders",
  "Birgit",
  "Carsten",
  "Dorthe",
  "Emil",
  "Fatima",
  "Gitte",
  "Henrik",
  "Ida",
  "Jens",
  "Karin",
  "Lars",
  "Maja",
  "Niels",
  "Oda",
  "Per",
  "Rikke",
  "Søren",
  "Tina",
  "Ulla",
  "Vagn",
  "Yasmin",
  "Ahmed",
  "Bodil",
  "Claus",
  "Ditte",
  "Erik",
  "Frederik",
  "Grethe",
  "Helle",
  "Inger",
  "Jonas",
  "Kim",
  "Lone",
  "Mikkel",
  "Nanna",
  "Ole",
  "Pia",
  "Rasmus",
  "Susanne",
  "Thomas",
  "Vibeke",
];
const LAST = [
  "Andersen",
  "Bach",
  "Christensen",
  "Dam",
  "Eriksen",
  "Frandsen",
  "Gregersen",
  "Holm",
  "Iversen",
  "Juhl",
  "Kristensen",
  "Larsen",
  "Madsen",
  "Nielsen",
  "Olsen",
  "Petersen",
  "Rasmussen",
  "Sørensen",
  "Thomsen",
  "Vestergaard",
  "Winther",
  "Østergaard",
];
const COMPANY_WORDS = ["Nord", "Syd", "Øster", "Vester", "Kyst", "Skov", "By", "Havne", "Sol", "Egne"];
const COMPANY_KINDS = ["Bageri", "Kantine", "Lager", "Gartneri", "Regnskab", "Rengøring", "Butik", "Værksted", "IT", "Cykler", "Catering", "Ejendomme"];
const POSTCODES = ["2820", "2900", "2920", "2930", "2800", "2830", "2840", "2860", "2870", "2880", "2100", "2200", "3400", "2730", "2750"];

/** The shape of the municipality, as Gentofte's (seed: 21 % ledig at launch, 87 % adoption). */
const SHAPE = {
  ledigAtLaunch: 0.21,
  outsideLabourForce: 0.08,
  acceptsInvitation: 0.925,
  publishes: 0.89,
  invitedAtLaunch: 0.35,
  /** Per day, a ledig flexjobber with a visible profile is found by a company or shows interest: high while the profile is new. */
  platformStart: (daysSincePublished: number) => 0.04 * Math.exp(-daysSincePublished / 45) + 0.0022,
  saysYes: 0.85,
  toSamtale: 0.85,
  hiredAfterSamtale: 0.7,
  /** Per day: a job found outside the platform; a flexjob that ends; moves in and out of "andet". */
  ordinaryJob: 0.0015,
  jobEnds: 0.00015,
  intoAndet: 0.0001,
  outOfAndet: 0.0015,
  /** Per company and day: a request to a profile found in search, outside any hire (not every request leads to one). */
  backgroundRequest: 0.004,
} as const;

interface Citizen {
  id: string;
  name: string;
  email: string;
  status: EmploymentStatusValue;
  invitedDay: string | null;
  accountDay: string | null;
  publishedDay: string | null;
  visible: boolean;
  /** A hire in progress (one at a time). */
  busy: boolean;
}

interface CompanyRef {
  id: number;
  userId: string;
  openings: { id: number; until: string }[];
}

type Step = () => Promise<void>;

export async function generateMunicipality(outer: Db, options: GenerateOptions, now = new Date()): Promise<{ citizens: number; companies: number }> {
  // One transaction: thousands of small writes, one commit (and nobody sees half a municipality).
  return inTransaction(outer, (db) => simulate(db, options, now));
}

async function simulate(db: Db, options: GenerateOptions, now: Date): Promise<{ citizens: number; companies: number }> {
  const r = prng(options.seed);
  const today = localDate(now);
  const start = addDays(today, -Math.round(options.months * 30.44));
  const span = Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000);
  const staff = options.staffIds;
  const tag = `g${options.seed}`;
  const passwordHash = await hashPassword(`demo-${randomBytes(8).toString("hex")}`);
  /** A moment on a Danish day; null when it would lie after `now` (it has not happened yet). */
  const at = (day: string, hour: number): Date | null => {
    const d = danishTimeToUtc(day, `${String(hour).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}`);
    return d.getTime() < now.getTime() ? d : null;
  };

  const budget = { ordinaryJob: 0, jobEnds: 0, ledigIntoAndet: 0, jobIntoAndet: 0, outOfAndet: 0 };
  // What happens on each day, in order; filled as the simulation goes.
  const agenda = new Map<string, Step[]>();
  const plan = (day: string, step: Step) => {
    if (day > today) return;
    agenda.set(day, [...(agenda.get(day) ?? []), step]);
  };

  // Companies: a third approved at launch, the rest over the first 60 % of the period.
  const companies: CompanyRef[] = [];
  for (let i = 0; i < options.companies; i++) {
    const approvedDay = addDays(start, i < options.companies / 3 ? r.int(0, 10) : r.int(10, Math.round(span * 0.6)));
    plan(approvedDay, async () => {
      const moment = at(approvedDay, 9);
      if (!moment) return;
      const contact = `${r.pick(FIRST)} ${r.pick(LAST)}`;
      const company = await createCompany(db, {
        name: `${r.pick(COMPANY_WORDS)}${r.pick(COMPANY_KINDS).toLowerCase()} ${i + 1} ApS`,
        cvr: String(40_000_000 + options.seed * 1000 + i),
        contactName: contact,
        contactEmail: `kontakt.${tag}.${i}@virksomhed.example`,
        status: "approved",
        decidedBy: r.pick(staff),
        decidedAt: moment.toISOString(),
        createdAt: new Date(moment.getTime() - 2 * 86_400_000).toISOString(),
      });
      const { token } = await createInvitation(
        db,
        {
          email: `bruger.${tag}.${i}@virksomhed.example`,
          name: contact,
          role: "company",
          invitedBy: r.pick(staff),
          companyId: company.id,
          isCompanyAdmin: true,
        },
        moment,
      );
      const accepted = await acceptInvitation(db, token, { password: "", passwordHash, healthConsent: false }, new Date(moment.getTime() + 3_600_000));
      if (accepted.status !== "ok") return;
      const ref: CompanyRef = {
        id: company.id,
        userId: accepted.userId,
        openings: [],
      };
      companies.push(ref);
      // An opening now and then: each open for 4 to 8 weeks.
      for (let day = addDays(approvedDay, r.int(1, 20)); day <= today; day = addDays(day, r.int(45, 130))) {
        const postDay = day;
        plan(postDay, () => postOpening(ref, postDay));
      }
    });
  }

  async function postOpening(c: CompanyRef, day: string) {
    const moment = at(day, 10);
    if (!moment) return;
    const until = addDays(day, r.int(28, 56));
    const hoursMin = r.int(6, 15);
    const competences = seedTerms.competence;
    const result = await saveOpening(
      db,
      {
        title: `${r.pick(["Medhjælper", "Assistent", "Medarbejder", "Hjælper"])} i ${r.pick(COMPANY_KINDS).toLowerCase()}`,
        description: "Vi søger en stabil kollega på nedsat tid. Vi tager gerne hensyn og aftaler arbejdstiderne sammen.",
        tasks: [r.pick(competences), r.pick(competences)],
        hoursMin,
        hoursMax: hoursMin + r.int(0, 8),
        flexibility: r.pick(["fixed", "flexible", "by_agreement"] as const),
        remote: r.chance(0.1),
        postcode: r.pick(POSTCODES),
        industry: r.pick(seedTerms.industry),
        required: [r.pick(competences)],
        wanted: [r.pick(competences)],
        offers: [r.pick(seedTerms.accommodation), r.pick(seedTerms.accommodation)],
        startDate: undefined,
        deadline: until,
      },
      { companyId: c.id, userId: c.userId },
      moment,
    );
    if (!result.ok) return;
    await publishOpening(db, result.id, c.id, moment);
    c.openings.push({ id: result.id, until });
  }

  const liveOpening = (day: string) => {
    const live = companies.flatMap((c) => c.openings.filter((o) => o.until >= day).map((o) => ({ company: c, opening: o })));
    return live.length > 0 ? r.pick(live) : null;
  };

  // Citizens: every flexjobber the jobcenter has visitated is registered at launch with a status;
  // most are invited at launch, the rest over the period. Outcomes are dealt by quota in
  // invitation order, so every stretch of invitations has the municipality's shares.
  const citizens: Citizen[] = [];
  const statusQuota = quota([
    ["ledig", SHAPE.ledigAtLaunch * (1 - SHAPE.outsideLabourForce)],
    ["andet", SHAPE.outsideLabourForce],
    ["i_fleksjob", (1 - SHAPE.ledigAtLaunch) * (1 - SHAPE.outsideLabourForce)],
  ] as const);
  const outcomeQuota = quota([
    ["publishes", SHAPE.publishes],
    ["account", SHAPE.acceptsInvitation - SHAPE.publishes],
    ["nothing", 1 - SHAPE.acceptsInvitation],
  ] as const);
  const takenNames = new Set((await db.selectFrom("users").select("name").execute()).map((u) => u.name));
  const inviteDays = Array.from({ length: options.flexjobbers }, (_, i) =>
    i < options.flexjobbers * SHAPE.invitedAtLaunch ? addDays(start, r.int(0, 21)) : addDays(start, r.int(22, span)),
  ).sort();
  for (let i = 0; i < options.flexjobbers; i++) {
    let name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    if (takenNames.has(name)) name = `${name} ${i}`;
    takenNames.add(name);
    const email = `borger.${tag}.${i}@example.dk`;
    const status = statusQuota();
    const registered = await registerCitizen(
      db,
      {
        name,
        email,
        consultantId: r.pick(staff),
        staffId: r.pick(staff),
        status,
        fromDate: start,
      },
      at(start, 8) ?? now,
    );
    if (registered === "exists") continue;
    citizens.push({
      id: registered.id,
      name,
      email,
      status,
      invitedDay: inviteDays[i]!,
      accountDay: null,
      publishedDay: null,
      visible: false,
      busy: false,
    });
  }
  // Flexjobbers made by hand before (the demo logins) get a status too, and a rhythm below: a third
  // ledig, as at launch (a fixed count, so the calibrated statistics do not move). Those are the ones
  // whose own words say so first: no profile yet (Nina), then "søger job".
  const handMade = await db
    .selectFrom("users as u")
    .leftJoin("profiles as p", "p.userId", "u.id")
    .select(["u.id", "u.createdAt", "p.availability"])
    .where("u.role", "=", "flexjobber")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("employmentStatuses as s").select("s.id").whereRef("s.userId", "=", "u.id"))))
    .orderBy("u.id")
    .execute();
  const seeking = (a: string | null) => (a === null ? 0 : a === "seeking" ? 1 : 2);
  const ledig = new Set(
    [...handMade]
      .sort((a, b) => seeking(a.availability) - seeking(b.availability) || (a.id < b.id ? -1 : 1))
      .slice(0, Math.ceil(handMade.length / 3))
      .map((u) => u.id),
  );
  for (const u of handMade) {
    await recordEmploymentStatus(
      db,
      {
        userId: u.id,
        status: ledig.has(u.id) ? "ledig" : "i_fleksjob",
        fromDate: start,
        source: "staff",
        recordedBy: r.pick(staff),
      },
      at(start, 9) ?? now,
    );
  }

  for (const c of citizens) {
    const outcome = outcomeQuota();
    const invitedDay = c.invitedDay!;
    plan(invitedDay, async () => {
      const moment = at(invitedDay, 9);
      if (!moment) return;
      const { token } = await createInvitation(
        db,
        {
          email: c.email,
          name: c.name,
          role: "flexjobber",
          invitedBy: r.pick(staff),
          consultantId: r.pick(staff),
        },
        moment,
      );
      if (outcome === "nothing") return;
      const accountDay = addDays(invitedDay, r.int(0, 2));
      plan(accountDay, async () => {
        const moment2 = at(accountDay, r.int(10, 20));
        if (!moment2) return;
        const accepted = await acceptInvitation(db, token, { password: "", passwordHash, healthConsent: r.chance(0.7) }, moment2);
        if (accepted.status !== "ok") return;
        c.accountDay = accountDay;
        if (outcome !== "publishes") return;
        const publishDay = addDays(accountDay, r.int(0, 3));
        plan(publishDay, async () => {
          const moment3 = at(publishDay, 14);
          if (!moment3) return;
          await fillProfile(db, c.id, profileFixture(r, staff), moment3);
          c.publishedDay = publishDay;
          c.visible = true;
        });
      });
    });
  }

  // How the steps of a hire turn out: dealt by quota, so every seed has the municipality's shares.
  const yesQuota = quota([
    ["yes", SHAPE.saysYes],
    ["no", 1 - SHAPE.saysYes],
  ] as const);
  const samtaleQuota = quota([
    ["yes", SHAPE.toSamtale],
    ["no", 1 - SHAPE.toSamtale],
  ] as const);
  const hiredQuota = quota([
    ["yes", SHAPE.hiredAfterSamtale],
    ["no", 1 - SHAPE.hiredAfterSamtale],
  ] as const);

  // A hire through the platform, step by step, each on its own later day.
  function startHire(c: Citizen, day: string) {
    const found = liveOpening(day);
    if (!found) return;
    c.busy = true;
    const { company, opening } = found;
    const done = () => {
      c.busy = false;
    };
    const interestFirst = r.chance(0.5);
    let interestId: number | null = null;
    const interest = async (when: Date) => {
      const sent = await expressInterest(
        db,
        {
          userId: c.id,
          openingId: opening.id,
          shareIdentity: r.chance(0.5),
          message: "Jeg vil gerne høre mere om jobbet.",
        },
        when,
      );
      if (sent !== "sent") return false;
      const row = await db.selectFrom("interests").select("id").where("userId", "=", c.id).where("openingId", "=", opening.id).executeTakeFirstOrThrow();
      interestId = row.id;
      return true;
    };
    const stage = (stageDay: string, value: "interview" | "hired" | "rejected", then?: (d: string) => void) =>
      plan(stageDay, async () => {
        const when = at(stageDay, 12);
        if (!when || interestId === null) return done();
        await setInterestStage(
          db,
          {
            interestId,
            companyId: company.id,
            stage: value,
            userId: company.userId,
          },
          when,
        );
        if (then) then(stageDay);
        else done();
      });
    const afterYes = (yesDay: string) => {
      const samtale = addDays(yesDay, r.int(3, 10));
      if (samtaleQuota() === "no") return stage(samtale, "rejected");
      stage(samtale, "interview", (d) => {
        const decided = addDays(d, r.int(5, 20));
        if (hiredQuota() === "no") return stage(decided, "rejected");
        stage(decided, "hired", (hiredDay) => {
          const confirmDay = addDays(hiredDay, r.int(1, 5));
          plan(confirmDay, async () => {
            const when = at(confirmDay, 15);
            const hire = await db.selectFrom("hires").select("id").where("interestId", "=", interestId!).where("cancelledAt", "is", null).executeTakeFirst();
            if (!when || !hire) return done();
            await confirmHire(db, { hireId: hire.id, staffId: r.pick(staff), fromDate: confirmDay }, when);
            c.status = "i_fleksjob";
            c.visible = false; // confirmHire pauses the profile: a new job ends the search
            done();
          });
        });
      });
    };
    const ask = (askDay: string, then: (yesDay: string) => void) =>
      plan(askDay, async () => {
        const when = at(askDay, 11);
        if (!when) return done();
        const sent = await createContactRequest(
          db,
          {
            companyId: company.id,
            sentBy: company.userId,
            profileUserId: c.id,
            message: "Vi vil gerne tale med dig om et job hos os.",
          },
          when,
        );
        if (sent === "not_found" || sent.kind !== "sent") return done();
        const answerDay = addDays(askDay, r.int(0, 3));
        plan(answerDay, async () => {
          const answered = at(answerDay, 19);
          if (!answered) return done();
          const yes = yesQuota() === "yes";
          await answerContactRequest(
            db,
            {
              userId: c.id,
              requestId: sent.requestId,
              answer: yes ? "accepted" : "declined",
            },
            answered,
          );
          // A yes opens the conversation, as on Beskeder.
          if (yes) await threadForAcceptedRequest(db, sent.requestId, answered);
          if (yes) then(answerDay);
          else done();
        });
      });
    if (interestFirst) {
      plan(day, async () => {
        const when = at(day, 16);
        if (!when || !(await interest(when))) return done();
        ask(addDays(day, r.int(1, 4)), afterYes);
      });
    } else {
      ask(day, (yesDay) =>
        plan(yesDay, async () => {
          const when = at(yesDay, 20);
          if (!when || !(await interest(when))) return done();
          afterYes(yesDay);
        }),
      );
    }
  }

  // Day by day: first what people and companies start today, then every step planned for the day
  // (steps may plan more for the same day).
  for (let day = start; day <= today; day = addDays(day, 1)) {
    await dailyChanges(day);
    for (const company of companies) {
      if (!r.chance(SHAPE.backgroundRequest)) continue;
      const someone = r.pick(citizens);
      if (someone.visible && !someone.busy) await backgroundRequest(company, someone, day);
    }
    for (let k = 0; k < (agenda.get(day)?.length ?? 0); k++) await agenda.get(day)![k]!();
    agenda.delete(day);
  }

  // Ordinary job changes as flows: each day a flow moves its rate × the people it applies to
  // (carried over until a whole person is due), picked at random. So the municipality's
  // ledighed follows its rates whatever the seed, and who moves stays random.
  async function flow(name: keyof typeof budget, rate: number, from: EmploymentStatusValue, day: string, change: (c: Citizen) => Promise<void>) {
    const eligible = citizens.filter((c) => c.status === from && !c.busy);
    budget[name] += eligible.length * rate;
    while (budget[name] >= 1 && eligible.length > 0) {
      budget[name] -= 1;
      const [c] = eligible.splice(r.int(0, eligible.length - 1), 1);
      await change(c!);
    }
  }

  async function record(c: Citizen, status: EmploymentStatusValue, day: string) {
    // Staff sometimes record a change days later, dated back to when it happened.
    const recordedDay = addDays(day, r.chance(0.3) ? r.int(1, 20) : 0);
    const when = at(recordedDay <= today ? recordedDay : today, 13);
    if (!when) return;
    await recordEmploymentStatus(db, { userId: c.id, status, fromDate: day, source: "staff", recordedBy: r.pick(staff) }, when);
    c.status = status;
  }

  async function dailyChanges(day: string) {
    // A ledig flexjobber with a visible profile: found by a company or showing interest, most likely while the profile is new.
    for (const c of citizens) {
      if (c.status === "ledig" && !c.busy && c.visible && c.publishedDay && r.chance(SHAPE.platformStart(daysBetween(c.publishedDay, day)))) startHire(c, day);
    }
    await flow("ordinaryJob", SHAPE.ordinaryJob, "ledig", day, (c) => record(c, "i_fleksjob", day));
    await flow("ledigIntoAndet", SHAPE.intoAndet, "ledig", day, (c) => record(c, "andet", day));
    await flow("jobIntoAndet", SHAPE.intoAndet, "i_fleksjob", day, (c) => record(c, "andet", day));
    await flow("outOfAndet", SHAPE.outOfAndet, "andet", day, (c) => record(c, r.chance(0.5) ? "ledig" : "i_fleksjob", day));
    await flow("jobEnds", SHAPE.jobEnds, "i_fleksjob", day, async (c) => {
      await record(c, "ledig", day);
      // Looking again: she shows her profile again.
      if (c.publishedDay && !c.visible && r.chance(0.8) && at(day, 18)) {
        await setProfileHidden(db, c.id, false);
        c.visible = true;
      }
    });
  }

  async function backgroundRequest(company: CompanyRef, c: Citizen, day: string) {
    const when = at(day, 10);
    if (!when) return;
    const sent = await createContactRequest(
      db,
      {
        companyId: company.id,
        sentBy: company.userId,
        profileUserId: c.id,
        message: "Vi har set din profil og vil gerne høre, om du er interesseret i et job hos os.",
      },
      when,
    );
    if (sent === "not_found" || sent.kind !== "sent") return;
    const answerDay = addDays(day, r.int(1, 5));
    if (r.chance(0.1)) return; // not answered (yet)
    plan(answerDay, async () => {
      const answered = at(answerDay, 19);
      if (!answered) return;
      const yes = r.chance(0.6);
      await answerContactRequest(db, { userId: c.id, requestId: sent.requestId, answer: yes ? "accepted" : "declined" }, answered);
      if (yes) await threadForAcceptedRequest(db, sent.requestId, answered);
    });
  }

  // Openings still open at the end are closed unless asked to stay live (the start-up demo keeps its own on top).
  if (!options.liveOpenings) {
    for (const c of companies) for (const o of c.openings.filter((x) => x.until >= today)) await closeOpening(db, o.id, c.id, new Date(now.getTime() - 60_000));
  }

  await generateActivity(db, r, { today, now });
  await generateEvents(db, r, { start, span, today, now, staff });
  return { citizens: citizens.length, companies: companies.length };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How a person might end the text about herself; the first part names her own competences. */
const SUMMARY_ENDINGS = [
  "Jeg trives med faste opgaver og gode kolleger, og jeg arbejder bedst, når jeg kender dagens plan.",
  "Jeg er mødestabil og grundig, og jeg siger til, hvis noget skal gøres anderledes.",
  "Jeg kan lide at have travlt i korte perioder og holde de pauser, jeg har brug for.",
  "Jeg er god til at samarbejde og bliver glad, når et stykke arbejde er gjort ordentligt.",
];

/** A profile whose words fit its competences and industry, so a manager reading a generated one believes it. */
function profileFixture(r: Rng, staff: string[]): ProfileFixture {
  // The draws keep their number and order, so the seeded history (and its calibrated statistics) stays the same.
  const hoursMin = r.int(5, 15);
  const adjective = r.pick(["Stabil", "Omhyggelig", "Rolig", "Glad", "Erfaren"]);
  const noun = r.pick(["medarbejder", "kollega", "hjælper"]);
  const flair = r.pick(seedTerms.competence);
  const competences = r.shuffle([...seedTerms.competence]).slice(0, r.int(2, 5));
  const industry = r.pick(seedTerms.industry);
  const own = competences.includes(flair) ? [flair, ...competences.filter((c) => c !== flair)] : competences;
  const [first, second] = own.map((c) => c.toLocaleLowerCase("da-DK"));
  return {
    headline: `${adjective} ${noun} med flair for ${first}`,
    summary: `Jeg har arbejdet med ${first}${second ? ` og ${second}` : ""} og vil gerne bruge det inden for ${industry.toLocaleLowerCase("da-DK")}. ${SUMMARY_ENDINGS[hoursMin % SUMMARY_ENDINGS.length]}`,
    competences,
    industries: [industry],
    hours: [hoursMin, hoursMin + r.int(0, 10)],
    postcode: r.pick(POSTCODES),
    maxCommuteKm: r.int(5, 30),
    approvedBy: r.pick(staff),
  };
}

/**
 * Logins: every active flexjobber account logs in by its persona's rhythm
 * from the day it was created (habits.ts); today only before `now`.
 */
async function generateActivity(db: Db, r: Rng, { today, now }: { today: string; now: Date }) {
  const accounts = await db
    .selectFrom("users as u")
    .select([
      "u.id",
      "u.email",
      "u.createdAt",
      (eb) =>
        eb
          .selectFrom("invitations as i")
          .select((x) => x.fn.min("i.usedAt").as("u"))
          .whereRef("i.userId", "=", "u.id")
          .as("usedAt"),
    ])
    .where("u.role", "=", "flexjobber")
    .where("u.status", "=", "active")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("activityDays as a").select("a.userId").whereRef("a.userId", "=", "u.id"))))
    .execute();
  // Persona by account order, so every cohort has the municipality's mix.
  accounts.sort((a, b) => String(a.usedAt ?? a.createdAt).localeCompare(String(b.usedAt ?? b.createdAt)) || a.id.localeCompare(b.id));
  const nowHour = Number(
    new Intl.DateTimeFormat("da-DK", {
      timeZone: "Europe/Copenhagen",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(now),
  );
  const rows: { userId: string; day: string }[] = [];
  const logins: {
    email: string;
    userId: string;
    succeeded: number;
    createdAt: string;
  }[] = [];
  for (const [i, u] of accounts.entries()) {
    const since = localDate(new Date(String(u.usedAt ?? u.createdAt)));
    for (const day of habitDays(r, personaFor(i), since, today)) {
      const hour = r.int(7, 21);
      if (day === today && hour >= nowHour) continue;
      rows.push({ userId: u.id, day });
      if (r.chance(0.25)) {
        const moment = danishTimeToUtc(day, `${String(hour).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}`);
        if (moment.getTime() < now.getTime())
          logins.push({
            email: u.email,
            userId: u.id,
            succeeded: 1,
            createdAt: moment.toISOString(),
          });
      }
    }
  }
  await recordActivityDays(db, rows);
  for (let i = 0; i < logins.length; i += 1000)
    await db
      .insertInto("loginEvents")
      .values(logins.slice(i, i + 1000))
      .execute();
}

/** A meeting every five weeks or so, with sign-ups before it and attendance after. */
async function generateEvents(db: Db, r: Rng, o: { start: string; span: number; today: string; now: Date; staff: string[] }) {
  const people = (await db.selectFrom("users").select(["id", "createdAt"]).where("role", "=", "flexjobber").where("status", "=", "active").orderBy("id").execute()).map(
    (p) => p.id,
  );
  for (let offset = 20; offset < o.span - 3; offset += 35) {
    const day = meetingDay(addDays(o.start, offset));
    if (day >= o.today) break;
    const created = danishTimeToUtc(addDays(day, -20), "09:00");
    const capacity = r.int(12, 25);
    const eventId = await createEvent(
      db,
      {
        title: r.pick(["Netværksmøde for fleksjobbere", "Morgenkaffe i jobcentret", "Virksomhedsbesøg", "Workshop: Din profil"]),
        description: "Kom og mød andre fleksjobbere.",
        day,
        startTime: "10:00",
        endTime: "12:00",
        place: "Jobcentret",
        onlineUrl: undefined,
        audience: "flexjobbers",
        capacity,
        signupDeadline: undefined,
      },
      r.pick(o.staff),
      created,
    );
    const signUpAt = danishTimeToUtc(addDays(day, -7), "12:00");
    for (const id of r.shuffle([...people]).slice(0, Math.min(capacity, r.int(5, capacity)))) await signUp(db, { eventId, userId: id, role: "flexjobber" }, signUpAt);
    for (const p of await listParticipants(db, eventId)) {
      if (p.status === "registered")
        await setAttendance(db, {
          eventId,
          registrationId: p.id,
          attended: r.chance(0.8),
        });
    }
  }
}
