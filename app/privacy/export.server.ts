import { loadProfileDetails } from "~/profiles/profile.server";

import type { Db } from "../../db/kysely";

/**
 * "Hent mine data" (GDPR art. 15 and 20): everything stored about one person,
 * in plain JSON with Danish-readable keys kept simple. Free text is exported
 * as stored (the platform keeps one version of each text: edits replace it).
 */
export async function exportUserData(db: Db, userId: string, now = new Date()) {
  const user = await db
    .selectFrom("users as u")
    .leftJoin("companies as c", "c.id", "u.companyId")
    .leftJoin("users as consultant", "consultant.id", "u.consultantId")
    .select(["u.id", "u.name", "u.email", "u.phone", "u.role", "u.status", "u.createdAt", "c.name as companyName", "consultant.name as consultantName"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!user) return null;

  const [
    details,
    consents,
    statuses,
    requests,
    interests,
    saved,
    registrations,
    views,
    loginDays,
    logins,
    invitations,
    staffViews,
    articleReads,
    messages,
    searches,
    notifications,
    identities,
  ] = await Promise.all([
    loadProfileDetails(db, userId),
    db.selectFrom("consents").select(["purpose", "textVersion", "givenAt", "withdrawnAt"]).where("userId", "=", userId).orderBy("id").execute(),
    db.selectFrom("employmentStatuses").select(["status", "fromDate", "source", "createdAt"]).where("userId", "=", userId).orderBy("fromDate").execute(),
    db
      .selectFrom("contactRequests as r")
      .innerJoin("companies as c", "c.id", "r.companyId")
      .select(["c.name as company", "r.message", "r.status", "r.createdAt", "r.answeredAt"])
      .where("r.profileUserId", "=", userId)
      .orderBy("r.id")
      .execute(),
    db
      .selectFrom("interests as i")
      .innerJoin("openings as o", "o.id", "i.openingId")
      .innerJoin("companies as c", "c.id", "o.companyId")
      .select(["o.title as opening", "c.name as company", "i.message", "i.identityShared", "i.stage", "i.createdAt"])
      .where("i.userId", "=", userId)
      .orderBy("i.id")
      .execute(),
    db.selectFrom("savedOpenings as s").innerJoin("openings as o", "o.id", "s.openingId").select(["o.title as opening", "s.createdAt"]).where("s.userId", "=", userId).execute(),
    db
      .selectFrom("eventRegistrations as r")
      .innerJoin("events as e", "e.id", "r.eventId")
      .select(["e.title as event", "e.startsAt", "r.status", "r.attended", "r.createdAt"])
      .where("r.userId", "=", userId)
      .orderBy("r.id")
      .execute(),
    db
      .selectFrom("profileViews as v")
      .innerJoin("companies as c", "c.id", "v.companyId")
      .select(["c.name as company", "v.viewedAt"])
      .where("v.profileUserId", "=", userId)
      .orderBy("v.id")
      .execute(),
    db.selectFrom("activityDays").select("day").where("userId", "=", userId).orderBy("day").execute(),
    db.selectFrom("loginEvents").select(["succeeded", "method", "createdAt"]).where("userId", "=", userId).orderBy("id").execute(),
    db.selectFrom("invitations").select(["role", "createdAt", "expiresAt", "usedAt", "revokedAt"]).where("userId", "=", userId).execute(),
    db
      .selectFrom("auditLog as a")
      .leftJoin("users as s", "s.id", "a.actorId")
      .select(["s.name as staff", "a.action", "a.createdAt"])
      .where("a.subjectUserId", "=", userId)
      .orderBy("a.id")
      .execute(),
    db.selectFrom("articleReads as r").innerJoin("articles as a", "a.id", "r.articleId").select(["a.title as article", "r.readAt"]).where("r.userId", "=", userId).execute(),
    // What she wrote in conversations (what others wrote to her is theirs; she reads it under Beskeder).
    db
      .selectFrom("messages as m")
      .innerJoin("threads as t", "t.id", "m.threadId")
      .select(["t.subject as conversation", "m.body", "m.createdAt"])
      .where("m.authorId", "=", userId)
      .orderBy("m.id")
      .execute(),
    db.selectFrom("savedSearches").select(["name", "query", "createdAt"]).where("userId", "=", userId).orderBy("id").execute(),
    db.selectFrom("notifications").select(["title", "createdAt", "readAt"]).where("userId", "=", userId).orderBy("id").execute(),
    // The provider and its subject for her: an id the provider made for this platform, not a CPR number.
    db.selectFrom("loginIdentities").select(["audience", "issuer", "subject", "createdAt"]).where("userId", "=", userId).execute(),
  ]);

  return {
    exportedAt: now.toISOString(),
    about: "Alt, hvad platformen har gemt om dig. Datoer og tidspunkter er i UTC (dansk tid minus 1 eller 2 timer).",
    account: user,
    profile: details
      ? {
          alias: details.profile.alias,
          status: details.profile.status,
          paused: details.profile.hidden === 1,
          headline: details.profile.headline,
          summary: details.profile.summary,
          birthDate: details.profile.birthDate,
          hours: { min: details.profile.hoursMin, max: details.profile.hoursMax },
          timesOfDay: details.timesOfDay,
          postcode: details.profile.postcode,
          maxCommuteKm: details.profile.maxCommuteKm,
          availability: details.profile.availability,
          showEmployerNames: details.profile.showEmployerNames === 1,
          competences: details.terms.competence.map((t) => t.label),
          certificates: details.terms.certificate.map((t) => t.label),
          education: details.terms.education.map((t) => t.label),
          industries: details.terms.industry.map((t) => t.label),
          jobTypes: details.terms.job_type.map((t) => t.label),
          experiences: details.experiences.map(({ title, industry, employer, years }) => ({ title, industry, employer, years })),
          accommodations: details.accommodations.map((a) => ({ label: a.label, visibleToCompanies: a.visibleToCompanies === 1 })),
          returnReason: details.profile.returnReason,
          createdAt: details.profile.createdAt,
          updatedAt: details.profile.updatedAt,
          firstPublishedAt: details.profile.firstPublishedAt,
          approvedAt: details.profile.approvedAt,
        }
      : null,
    consents,
    employmentStatusHistory: statuses,
    contactRequests: requests,
    interests: interests.map((i) => ({ ...i, identityShared: i.identityShared === 1 })),
    savedOpenings: saved,
    eventRegistrations: registrations,
    companiesThatViewedMyProfile: views,
    staffWhoViewedMyProfile: staffViews,
    articlesRead: articleReads,
    messagesWritten: messages,
    savedSearches: searches,
    notifications,
    invitations,
    loginDays: loginDays.map((d) => d.day),
    logins: logins.map((l) => ({ succeeded: l.succeeded === 1, method: l.method, at: l.createdAt })),
    linkedLogins: identities,
  };
}
