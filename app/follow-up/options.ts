// Opfølgning's thresholds, shared by the lists (worklist.server.ts) and the page's headings.

/** Days before a row appears on each list, until an admin changes them under Indstillinger. */
export const FOLLOW_UP_DAYS = {
  quiet: 14,
  quietLong: 28,
  invitation: 7,
  unpublished: 14,
  returned: 7,
  unansweredRequest: 7,
  unansweredInterest: 7,
  quietOpening: 14,
  quietCompany: 60,
} as const;

/** "Markér som fulgt op" hides a row this long. */
export const FOLLOW_UP_HIDE_DAYS = 14;

export type FollowUpDays = Record<keyof typeof FOLLOW_UP_DAYS, number>;

/** The words for each threshold on Indstillinger. */
export const FOLLOW_UP_DAY_LABELS: Record<keyof typeof FOLLOW_UP_DAYS, string> = {
  quiet: "Ikke logget ind (dage)",
  quietLong: "Ikke logget ind længe (dage)",
  invitation: "Invitation uden svar (dage)",
  unpublished: "Konto uden profil (dage)",
  returned: "Profil sendt tilbage, ikke rettet (dage)",
  unansweredRequest: "Forespørgsel uden svar fra borgeren (dage)",
  unansweredInterest: "Interesse uden svar fra virksomheden (dage)",
  quietOpening: "Jobopslag uden interesserede (dage)",
  quietCompany: "Virksomhed uden jobopslag (dage)",
};
