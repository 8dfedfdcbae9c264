import * as z from "zod";
import type { NotificationKind } from "../../db/schema";
import { NOTIFICATION_MODES } from "./kinds";

const mode = z.enum(NOTIFICATION_MODES, { error: "Vælg hvordan du vil have besked." }).optional();

/** "Notifikationer": how each kind reaches me by email. */
export const preferencesSchema = z.object({
  contact_request: mode,
  request_answer: mode,
  message: mode,
  new_interest: mode,
  profile_to_approve: mode,
  hire_to_confirm: mode,
  new_candidate: mode,
  new_job: mode,
  recommended_opening: mode,
  deadline_soon: mode,
  event_reminder: mode,
  waitlist_moved_up: mode,
} satisfies Record<NotificationKind, typeof mode>);
