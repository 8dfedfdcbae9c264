import type { NotificationKind, NotificationMode, Role } from "../../db/schema";

// The kinds of notification, their Danish names and default email choice.
// Client-safe: the settings form on /notifikationer uses it.

export const NOTIFICATION_MODES = ["straks", "daglig", "aldrig"] as const satisfies readonly NotificationMode[];

export const modeLabels: Record<NotificationMode, string> = {
  straks: "Send en e-mail med det samme",
  daglig: "Saml dem i én e-mail om dagen",
  aldrig: "Ingen e-mail, kun her",
};

export const smsModeLabels: Record<NotificationMode, string> = {
  straks: "Send en SMS med det samme",
  daglig: "Saml dem i én SMS om dagen",
  aldrig: "Ingen SMS",
};

export const kindLabels: Record<NotificationKind, string> = {
  contact_request: "En virksomhed vil i kontakt med mig",
  request_answer: "Svar på vores forespørgsler",
  message: "Nye beskeder",
  new_interest: "Nogen er interesseret i vores opslag",
  profile_to_approve: "En profil venter på godkendelse",
  hire_to_confirm: "En ansættelse venter på bekræftelse",
  new_candidate: "Nye kandidater til vores gemte søgninger",
  new_job: "Nye job til mine gemte søgninger",
  recommended_opening: "Nye job, der passer godt til min profil",
  deadline_soon: "Fristen for et af vores opslag nærmer sig",
  event_reminder: "Påmindelse dagen før et arrangement",
  waitlist_moved_up: "Der er blevet plads til mig på et arrangement",
  profile_reviewed: "Jobcentret har godkendt min profil eller sendt den tilbage",
};

export const defaultModes: Record<NotificationKind, NotificationMode> = {
  contact_request: "straks",
  request_answer: "straks",
  message: "straks",
  new_interest: "straks",
  // Staff get many: collected once a day unless they choose otherwise.
  profile_to_approve: "daglig",
  hire_to_confirm: "daglig",
  // Alerts can come in numbers; one email a day is enough.
  new_candidate: "daglig",
  new_job: "daglig",
  recommended_opening: "daglig",
  // These matter on the day.
  deadline_soon: "straks",
  event_reminder: "straks",
  waitlist_moved_up: "straks",
  profile_reviewed: "straks",
};

/** The kinds a role can receive, for its settings form. */
export function kindsFor(role: Role): NotificationKind[] {
  if (role === "flexjobber") return ["contact_request", "profile_reviewed", "message", "recommended_opening", "new_job", "event_reminder", "waitlist_moved_up"];
  if (role === "company") return ["request_answer", "new_interest", "message", "new_candidate", "deadline_soon", "event_reminder", "waitlist_moved_up"];
  return ["message", "profile_to_approve", "hire_to_confirm"];
}
