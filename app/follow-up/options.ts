// Opfølgning's thresholds, shared by the lists (worklist.server.ts) and the page's headings.

/** Days before a row appears on each list. */
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
