/**
 * The Database interface: one typed view of every table, in camelCase
 * (kysely's CamelCasePlugin maps it to the snake_case columns in SQLite).
 * Dates are ISO-8601 strings in UTC unless a field says otherwise.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

import type { VocabularyKind } from "./vocabularies/terms";

export const ROLES = ["flexjobber", "company", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** The jobcenter's people: staff, and admins who are staff too. */
export const STAFF_ROLES = ["staff", "admin"] as const satisfies readonly Role[];
export function isStaffRole(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/**
 * "registered": put on the list by staff, no account (cannot log in) until an invitation is accepted.
 * "erased": the person is gone (name, contact, profile); the row keeps only what the statistics need.
 */
export type UserStatus = "active" | "suspended" | "registered" | "erased";
export type CompanyStatus = "pending" | "approved" | "rejected" | "suspended";
/** profile_sharing: the flexjobber's consent to show the anonymised profile to companies (given on publishing). */
export type ConsentPurpose = "privacy_statement" | "health_data" | "profile_sharing";

export interface SettingTable {
  key: string;
  value: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  passwordHash: string;
  status: UserStatus;
  companyId: number | null;
  isCompanyAdmin: number;
  consultantId: string | null;
  createdAt: string;
  /** When the retention job warned that the unused account will be erased. */
  retentionWarnedAt: Generated<string | null>;
  erasedAt: Generated<string | null>;
  /** The latest ActivityDay, kept by a trigger (migration 0026). */
  lastActiveDay: Generated<string | null>;
}

/** Lucia's session table; expiresAt is in seconds since the epoch (the adapter's format). */
export interface SessionTable {
  id: string;
  expiresAt: number;
  userId: string;
  /** The Danish day this session last marked as an ActivityDay. */
  activityDay: string | null;
  /** Null or "password" for a password login, else the provider's audience. */
  loginMethod: Generated<string | null>;
  /** The provider's ID token, sent back as a hint when logging out there. */
  idToken: Generated<string | null>;
  /** Staff only: the citizen whose profile this session is filling in with her at a meeting. */
  assistingUserId: Generated<string | null>;
}

/** One row per user per Danish calendar day with an authenticated request. */
export interface ActivityDayTable {
  userId: string;
  /** "YYYY-MM-DD" in Europe/Copenhagen. */
  day: string;
}

export interface CompanyTable {
  id: Generated<number>;
  name: string;
  cvr: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  status: CompanyStatus;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  /** The access request came through MitID Erhverv: CVR and contact name are verified. */
  cvrVerifiedAt: Generated<string | null>;
}

export interface InvitationTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  /** sha-256 of the token in the link; the token itself is never stored. */
  tokenHash: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  invitedBy: string | null;
  companyId: number | null;
  isCompanyAdmin: number;
  consultantId: string | null;
  /** The account that accepting the invitation created. */
  userId: string | null;
  createdAt: string;
}

export interface ConsentTable {
  id: Generated<number>;
  userId: string;
  purpose: ConsentPurpose;
  textVersion: string;
  givenAt: string;
  withdrawnAt: string | null;
  /** Given at a meeting: the staff member who was there and recorded it. */
  witnessedBy: Generated<string | null>;
}

/** A change staff made to a citizen's profile while filling it in with her. */
export interface ProfileStaffEditTable {
  id: Generated<number>;
  userId: string;
  staffId: string | null;
  step: string;
  createdAt: string;
}

/** Every login attempt; the successful ones are the LoginEvents of the metrics. */
export interface LoginEventTable {
  id: Generated<number>;
  email: string;
  userId: string | null;
  succeeded: number;
  createdAt: string;
  /** "password", or the audience of the identity provider ("citizen", "business", "staff"). */
  method: Generated<string>;
}

/** An identity at an OpenID provider linked to an account (the persistent subject; never a CPR number). */
export interface LoginIdentityTable {
  issuer: string;
  subject: string;
  userId: string;
  audience: string;
  createdAt: string;
}

/** One round trip to an OpenID provider; the browser holds the id in a cookie. */
export interface OidcLoginTable {
  id: string;
  audience: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** JSON, see app/auth/oidc.server.ts. */
  purpose: string;
  createdAt: string;
  /** JSON of the verified ID token's claims, once the callback succeeded. */
  claims: string | null;
  verifiedAt: string | null;
}

export interface VocabularyTermTable {
  id: Generated<number>;
  kind: VocabularyKind;
  label: string;
  /** normalizeTerm(label): unique per kind, used for lookups and duplicates. */
  normalized: string;
  active: number;
  createdAt: string;
}

export type ProfileStatus = "draft" | "pending" | "returned" | "approved";
export type Availability = "seeking" | "open_to_change" | "not_seeking";
export type ProfileTermKind = "competence" | "certificate" | "education" | "industry" | "job_type";
export type ContactRequestStatus = "pending" | "accepted" | "declined";
export type AuditAction =
  | "profile_viewed_by_staff"
  | "account_erased"
  | "colleague_removed"
  | "thread_read_by_consultant"
  /** A login from a provider named this account, which is linked to another identity: refused (no actor, the person is unknown). */
  | "identity_link_refused"
  /** A consultant marked a worklist row about the citizen as followed up (Opfølgning). */
  | "followed_up"
  /** Staff started filling in the citizen's profile with her at a meeting. */
  | "profile_assist_started"
  /** Staff changed the citizen's profile while filling it in with her. */
  | "profile_edited_by_staff"
  /** An admin ran a scheduled job by hand ("Kør nu" on Drift); no person is its subject. */
  | "job_run_by_hand";

/**
 * A flexjobber's competence profile. Visible to companies only when
 * status is "approved" and hidden is 0, among other things (see visibleProfiles()).
 */
export interface ProfileTable {
  userId: string;
  /** "Fleksjobber K7M2": the only name companies see before consent. */
  alias: string;
  headline: string | null;
  summary: string | null;
  /** Never shown to companies; only an age band is. */
  birthDate: string | null;
  hoursMin: number | null;
  hoursMax: number | null;
  /** JSON array of TimeOfDay codes. */
  timesOfDay: Generated<string>;
  postcode: string | null;
  /** The postcode's point, copied in so distance filters run in SQL. */
  lat: number | null;
  lng: number | null;
  maxCommuteKm: number | null;
  availability: Generated<Availability>;
  showEmployerNames: Generated<number>;
  status: Generated<ProfileStatus>;
  hidden: Generated<number>;
  returnReason: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  /** Set once, on the first publication (adoption in METRICS.md). */
  firstPublishedAt: string | null;
  /** When staff last sent it back for changes (Opfølgning asks after a while without a new submission). */
  returnedAt: Generated<string | null>;
  /** When the citizen last saw the changes staff made with her (they are shown to her until then). */
  staffEditsSeenAt: Generated<string | null>;
  createdAt: string;
  updatedAt: string;
  /** What matching compares, as "\n"-delimited normalized terms (app/matching/match-terms.ts); written by indexProfile. */
  matchCompetences: Generated<string>;
  matchIndustries: Generated<string>;
  matchNeeds: Generated<string>;
  matchNeedCount: Generated<number>;
  /** Only the skånebehov a company may see (marked visible, health consent given). */
  matchVisibleNeeds: Generated<string>;
  matchVisibleNeedCount: Generated<number>;
}

/** Competences, certificates, education and courses, wanted industries and job types. */
export interface ProfileTermTable {
  id: Generated<number>;
  userId: string;
  kind: ProfileTermKind;
  /** Set when the label matched the shared vocabulary; null for free text. */
  termId: number | null;
  label: string;
  normalized: string;
  createdAt: string;
}

export interface ExperienceTable {
  id: Generated<number>;
  userId: string;
  title: string;
  industry: string | null;
  /** Shown to companies only when the profile's showEmployerNames is on. */
  employer: string | null;
  years: number | null;
  createdAt: string;
}

/** A skånebehov item: health data, shown to companies only if visible and health consent is given. */
export interface AccommodationTable {
  id: Generated<number>;
  userId: string;
  termId: number | null;
  label: string;
  normalized: string;
  visibleToCompanies: Generated<number>;
  createdAt: string;
}

/** FTS5 index of each profile's anonymised text; rowid is the profile's ProfileSearchKey (app/search/text-index.server.ts). */
export interface ProfileFtsTable {
  rowid: number;
  body: string;
}

/** A profile's number in the full-text index (profiles are keyed by text, FTS5 rows by integer). */
export interface ProfileSearchKeyTable {
  id: Generated<number>;
  userId: string;
}

export interface ContactRequestTable {
  id: Generated<number>;
  companyId: number;
  profileUserId: string;
  sentBy: string | null;
  message: string;
  status: Generated<ContactRequestStatus>;
  createdAt: string;
  answeredAt: string | null;
  /** The company's opening the request is about, if any. */
  openingId: number | null;
}

export interface ProfileViewTable {
  id: Generated<number>;
  profileUserId: string;
  companyId: number;
  viewerId: string | null;
  viewedAt: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  actorId: string | null;
  action: AuditAction;
  subjectUserId: string | null;
  createdAt: string;
}

export type OpeningStatus = "draft" | "published" | "closed";
export type Flexibility = "fixed" | "flexible" | "by_agreement";
export type OpeningTermKind = "required" | "wanted" | "accommodation";
export type InterestStage = "new" | "dialog" | "interview" | "hired" | "rejected";
export type EmploymentStatusValue = "ledig" | "i_fleksjob" | "andet";
export type EmploymentSource = "staff" | "platform";

export interface OpeningTable {
  id: Generated<number>;
  companyId: number;
  title: string;
  description: string;
  /** JSON array of short task lines. */
  tasks: string;
  hoursMin: number;
  hoursMax: number;
  flexibility: Flexibility;
  postcode: string | null;
  lat: number | null;
  lng: number | null;
  remote: number;
  /** An industry label from the shared vocabulary. */
  industry: string;
  startDate: string | null;
  /** Last day to apply (YYYY-MM-DD); the opening leaves search after it. */
  deadline: string | null;
  status: OpeningStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  closedAt: string | null;
  /** The deadline the company was reminded of seven days ahead (once per deadline). */
  deadlineRemindedFor: Generated<string | null>;
  /** What matching compares, as "\n"-delimited normalized terms (app/matching/match-terms.ts); written by indexOpening. */
  matchRequired: Generated<string>;
  matchWanted: Generated<string>;
  matchRequiredCount: Generated<number>;
  matchWantedCount: Generated<number>;
  matchOffers: Generated<string>;
  matchIndustry: Generated<string>;
}

export interface OpeningTermTable {
  id: Generated<number>;
  openingId: number;
  kind: OpeningTermKind;
  label: string;
  normalized: string;
}

/** FTS5 index of each opening's text; rowid is the opening's id. */
export interface OpeningFtsTable {
  rowid: number;
  body: string;
}

export interface SavedOpeningTable {
  userId: string;
  openingId: number;
  createdAt: string;
}

export interface InterestTable {
  id: Generated<number>;
  openingId: number;
  userId: string;
  message: string | null;
  /** The flexjobber chose to show name and contact details to this company. */
  identityShared: number;
  stage: InterestStage;
  createdAt: string;
  updatedAt: string;
  /** The flexjobber took it back: companies no longer see it; statistics still count it as sent. */
  withdrawnAt: string | null;
}

export interface HireTable {
  id: Generated<number>;
  userId: string;
  companyId: number;
  openingId: number | null;
  interestId: number | null;
  markedBy: string | null;
  markedAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
}

export interface EmploymentStatusTable {
  id: Generated<number>;
  userId: string;
  status: EmploymentStatusValue;
  /** Local date (YYYY-MM-DD) the status holds from. */
  fromDate: string;
  source: EmploymentSource;
  hireId: number | null;
  recordedBy: string | null;
  createdAt: string;
}

export type Audience = "flexjobbers" | "companies" | "both";
export type RegistrationStatus = "registered" | "waitlist" | "cancelled";
export type ArticleKind = "article" | "video";
export type ArticleStatus = "draft" | "published";

export interface EventTable {
  id: Generated<number>;
  title: string;
  description: string;
  /** UTC instants; entered and shown in Europe/Copenhagen. */
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  audience: Audience;
  capacity: number;
  signupDeadline: string | null;
  cancelledAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EventRegistrationTable {
  id: Generated<number>;
  eventId: number;
  userId: string;
  /** The waitlist is ordered by id (first come, first served). */
  status: RegistrationStatus;
  createdAt: string;
  updatedAt: string;
  /** Marked by staff after the event: 1 came, 0 did not, null not marked. */
  attended: number | null;
  remindedAt: string | null;
}

export interface ArticleTable {
  id: Generated<number>;
  kind: ArticleKind;
  title: string;
  summary: string;
  /** Markdown, rendered to safe HTML. */
  body: string;
  /** JSON array of tags. */
  tags: string;
  audience: Audience;
  status: ArticleStatus;
  /** File name under UPLOADS_DIR. */
  videoFile: string | null;
  videoType: string | null;
  videoUrl: string | null;
  captionsFile: string | null;
  transcript: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface ArticleReadTable {
  articleId: number;
  userId: string;
  readAt: string;
}

/** Active flexjobbers per week: a cache of the raw-row count, marked stale by triggers when a row behind it changes. */
export interface WeeklyActiveCountTable {
  week: string;
  flexjobbers: Generated<number>;
  /** 0: stale, count again from the raw rows before use. */
  fresh: Generated<number>;
}

/** Roll-up of ActivityDay by week (the Monday, "YYYY-MM-DD"). */
/** Roll-up of ActivityDay: per person and year, one character per day ('1' active), kept by a trigger. */
export interface ActivityYearTable {
  userId: string;
  year: number;
  /** Character n (1-based) is day n of the year. */
  days: string;
}

/** Cache of the ledighedsprocent counts per day, marked stale (fresh 0) by triggers when statuses change. */
export interface LedighedDayTable {
  day: string;
  ledig: number;
  iFleksjob: number;
  andet: number;
  fresh: number;
}

export interface ActivityWeekTable {
  week: string;
  userId: string;
}

export type EmailStatus = "pending" | "sending" | "sent" | "failed";
export type EmailKind = "invitation" | "company_decision" | "notice" | "password_reset" | "email_change";

/** The outgoing queue carries email and SMS (migration 0027). */
export type Channel = "email" | "sms";

export interface EmailQueueTable {
  id: Generated<number>;
  channel: Generated<Channel>;
  /** An email address, or for an SMS the phone number (+45…). */
  toAddress: string;
  subject: string;
  /** Blanked once sent. */
  body: string;
  kind: EmailKind;
  invitationId: number | null;
  companyId: number | null;
  status: Generated<EmailStatus>;
  attempts: Generated<number>;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface PasswordResetTable {
  id: Generated<number>;
  userId: string;
  /** sha-256 of the token in the link; the token itself is never stored. */
  tokenHash: string;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

export interface EmailChangeTable {
  id: Generated<number>;
  userId: string;
  newEmail: string;
  /** sha-256 of the token in the link sent to the new address. */
  tokenHash: string;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

/** A company's shortlist of candidates for one of its openings. */
export interface ShortlistEntryTable {
  openingId: number;
  profileUserId: string;
  addedBy: string | null;
  createdAt: string;
}

/** contact: after a yes to a contact request; interest: a company answered an interest; jobcenter: a company or flexjobber writes to all staff; consultant: a flexjobber writes to her consultant. */
export type ThreadKind = "contact" | "interest" | "jobcenter" | "consultant";

export interface ThreadTable {
  id: Generated<number>;
  kind: ThreadKind;
  /** All the company's users are in the thread. */
  companyId: number | null;
  flexjobberId: string | null;
  openingId: number | null;
  contactRequestId: number | null;
  interestId: number | null;
  subject: string;
  createdBy: string | null;
  createdAt: string;
  lastMessageAt: string;
}

export interface ThreadConsultantTable {
  threadId: number;
  userId: string;
  invitedBy: string | null;
  invitedAt: string;
}

export interface MessageTable {
  id: Generated<number>;
  threadId: number;
  authorId: string | null;
  /** Plain text; emptied when the author's account is erased. */
  body: string;
  createdAt: string;
}

export interface ThreadReadTable {
  threadId: number;
  userId: string;
  lastReadMessageId: number;
}

/** A flexjobber blocked a company: it can no longer find her, recommend her or write to her. */
export interface CompanyBlockTable {
  userId: string;
  companyId: number;
  createdAt: string;
}

export type ReportOutcome = "open" | "dismissed" | "warned" | "suspended";

export interface MessageReportTable {
  id: Generated<number>;
  messageId: number;
  reportedBy: string | null;
  reason: string | null;
  createdAt: string;
  outcome: Generated<ReportOutcome>;
  handledBy: string | null;
  handledAt: string | null;
}

export type NotificationKind =
  | "contact_request"
  | "request_answer"
  | "message"
  | "new_interest"
  | "profile_to_approve"
  | "hire_to_confirm"
  | "new_candidate"
  | "new_job"
  | "recommended_opening"
  | "deadline_soon"
  | "event_reminder"
  | "waitlist_moved_up"
  | "profile_reviewed";
export type NotificationMode = "straks" | "daglig" | "aldrig";

export interface NotificationTable {
  id: Generated<number>;
  userId: string;
  kind: NotificationKind;
  /** Written for this recipient: never health data, never a flexjobber's name to a company before consent. */
  title: string;
  link: string;
  createdAt: string;
  readAt: string | null;
  emailState: "pending" | "sent" | "skipped";
  /** The same for SMS (citizens who chose it; never the text itself). */
  smsState: Generated<"pending" | "sent" | "skipped">;
}

export interface NotificationPreferenceTable {
  userId: string;
  kind: NotificationKind;
  /** By email. */
  mode: NotificationMode;
  /** By SMS (citizens only; "aldrig" unless chosen). */
  smsMode: Generated<NotificationMode>;
}

export type SavedSearchKind = "candidates" | "jobs";

export interface SavedSearchTable {
  id: Generated<number>;
  userId: string;
  kind: SavedSearchKind;
  name: string;
  /** The search page's query string, read by that page's schema. */
  query: string;
  createdAt: string;
  /** High-water mark: what changed after it is checked on the next run. */
  checkedUntil: string;
}

export interface SavedSearchHitTable {
  savedSearchId: number;
  /** A profile's user id or an opening's id. */
  item: string;
  createdAt: string;
}

export interface RecommendedOpeningTable {
  userId: string;
  openingId: number;
  score: number;
  createdAt: string;
}

export interface Database {
  settings: SettingTable;
  users: UserTable;
  sessions: SessionTable;
  companies: CompanyTable;
  invitations: InvitationTable;
  consents: ConsentTable;
  loginEvents: LoginEventTable;
  loginIdentities: LoginIdentityTable;
  oidcLogins: OidcLoginTable;
  vocabularyTerms: VocabularyTermTable;
  profiles: ProfileTable;
  profileTerms: ProfileTermTable;
  experiences: ExperienceTable;
  accommodations: AccommodationTable;
  profileFts: ProfileFtsTable;
  profileSearchKeys: ProfileSearchKeyTable;
  contactRequests: ContactRequestTable;
  profileViews: ProfileViewTable;
  auditLog: AuditLogTable;
  openings: OpeningTable;
  openingTerms: OpeningTermTable;
  openingFts: OpeningFtsTable;
  savedOpenings: SavedOpeningTable;
  interests: InterestTable;
  hires: HireTable;
  employmentStatuses: EmploymentStatusTable;
  events: EventTable;
  eventRegistrations: EventRegistrationTable;
  articles: ArticleTable;
  articleReads: ArticleReadTable;
  activityDays: ActivityDayTable;
  activityWeeks: ActivityWeekTable;
  activityYears: ActivityYearTable;
  ledighedDays: LedighedDayTable;
  weeklyActiveCounts: WeeklyActiveCountTable;
  emailQueue: EmailQueueTable;
  passwordResets: PasswordResetTable;
  emailChanges: EmailChangeTable;
  shortlistEntries: ShortlistEntryTable;
  threads: ThreadTable;
  threadConsultants: ThreadConsultantTable;
  messages: MessageTable;
  threadReads: ThreadReadTable;
  companyBlocks: CompanyBlockTable;
  messageReports: MessageReportTable;
  notifications: NotificationTable;
  notificationPreferences: NotificationPreferenceTable;
  profileStaffEdits: ProfileStaffEditTable;
  savedSearches: SavedSearchTable;
  savedSearchHits: SavedSearchHitTable;
  recommendedOpenings: RecommendedOpeningTable;
  rateLimitHits: RateLimitHitTable;
  followUps: FollowUpTable;
  jobRuns: JobRunTable;
}

/** One run of a scheduled job (app/schedule/scheduler.server.ts): by the schedule, "Kør nu" or `npm run …`. */
export interface JobRunTable {
  id: Generated<number>;
  job: string;
  /** The scheduled instant (ISO, UTC), unique per job; "manual:…" / "command:…" for runs by hand. */
  slot: string;
  trigger: JobTrigger;
  startedAt: string;
  finishedAt: string | null;
  outcome: JobOutcome;
  summary: string | null;
  error: string | null;
  startedBy: string | null;
}
export type JobTrigger = "schedule" | "manual" | "command";
export type JobOutcome = "running" | "ok" | "failed";
export type JobRun = Selectable<JobRunTable>;

/** A worklist row marked as followed up on "Opfølgning" (app/follow-up/). */
export interface FollowUpTable {
  id: Generated<number>;
  kind: FollowUpKind;
  /** A citizen's user id, or "company:<id>" / "opening:<id>". */
  subject: string;
  userId: string | null;
  staffId: string | null;
  note: string | null;
  createdAt: string;
  hiddenUntil: string;
}

export type FollowUpKind =
  "quiet" | "invitation" | "unpublished" | "returned" | "unanswered_request" | "unanswered_interest" | "hire_to_confirm" | "quiet_opening" | "quiet_company";

/** One counted try at a rate-limited door (app/security/rate-limit.server.ts). */
export interface RateLimitHitTable {
  /** "<limit name>:<key>". */
  key: string;
  /** Milliseconds since 1970. */
  at: number;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Company = Selectable<CompanyTable>;
export type Invitation = Selectable<InvitationTable>;
export type InvitationUpdate = Updateable<InvitationTable>;
export type VocabularyTerm = Selectable<VocabularyTermTable>;
/** The match columns are for search only (and hold skånebehov): a loaded profile leaves them out. */
export type ProfileMatchColumn = "matchCompetences" | "matchIndustries" | "matchNeeds" | "matchNeedCount" | "matchVisibleNeeds" | "matchVisibleNeedCount";
export type Profile = Omit<Selectable<ProfileTable>, ProfileMatchColumn>;
export type ProfileUpdate = Updateable<ProfileTable>;
export type ProfileTerm = Selectable<ProfileTermTable>;
export type Experience = Selectable<ExperienceTable>;
export type Accommodation = Selectable<AccommodationTable>;
export type ContactRequest = Selectable<ContactRequestTable>;
export type Opening = Selectable<OpeningTable>;
export type Interest = Selectable<InterestTable>;
export type Hire = Selectable<HireTable>;
export type Event = Selectable<EventTable>;
export type Article = Selectable<ArticleTable>;
