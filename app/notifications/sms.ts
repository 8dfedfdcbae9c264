import type { NotificationKind } from "../../db/schema";

// What an SMS says: only that something is waiting, per kind. Never the
// message text, a company's name, a skånebehov or anything else from the
// platform: a phone's lock screen is read by others. Client-safe (the
// settings page shows an example).

const WHAT: Record<NotificationKind, string> = {
  contact_request: "En virksomhed vil gerne i kontakt med dig",
  request_answer: "Der er svar på en forespørgsel",
  message: "Du har en ny besked",
  new_interest: "Nogen er interesseret i et opslag",
  profile_to_approve: "En profil venter på godkendelse",
  hire_to_confirm: "En ansættelse venter på bekræftelse",
  new_candidate: "Der er nye kandidater",
  new_job: "Der er nye job til dig",
  recommended_opening: "Der er nye job, der passer til dig",
  deadline_soon: "En frist nærmer sig",
  event_reminder: "Husk dit arrangement i morgen",
  waitlist_moved_up: "Der er blevet plads til dig på et arrangement",
  profile_reviewed: "Jobcentret har set din profil",
};

/** "Du har en ny besked på Refleks. Log ind på https://…" */
export function smsText(kind: NotificationKind, brand: string, url: string): string {
  return `${WHAT[kind]} på ${brand}. Log ind på ${url}`;
}

/** The daily SMS: how many, nothing more. */
export function smsDigestText(count: number, brand: string, url: string): string {
  return `Du har ${count} ${count === 1 ? "ny notifikation" : "nye notifikationer"} på ${brand}. Log ind på ${url}`;
}

/**
 * A phone number as the gateway wants it: "+4522334455". Danish numbers
 * are written "22 33 44 55", "+45 22334455" or "0045 2233 4455"; other
 * countries need their "+". Null when it cannot be an SMS number.
 */
export function smsNumber(phone: string | null): string | null {
  if (!phone) return null;
  const plus = phone.trim().startsWith("+");
  let digits = phone.replace(/\D/g, "");
  if (!plus && digits.startsWith("00")) digits = digits.slice(2);
  else if (!plus && digits.length === 8) digits = `45${digits}`;
  return digits.length >= 10 && digits.length <= 15 ? `+${digits}` : null;
}
