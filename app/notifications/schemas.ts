import * as z from "zod";

import type { NotificationKind } from "../../db/schema";
import { NOTIFICATION_MODES } from "./kinds";

const mode = z.enum(NOTIFICATION_MODES, { error: "Vælg hvordan du vil have besked." }).optional();

const KINDS = [
  "contact_request",
  "request_answer",
  "message",
  "new_interest",
  "profile_to_approve",
  "hire_to_confirm",
  "new_candidate",
  "new_job",
  "recommended_opening",
  "deadline_soon",
  "event_reminder",
  "waitlist_moved_up",
  "profile_reviewed",
] as const satisfies readonly NotificationKind[];

/** The SMS choice for a kind is the field `sms_<kind>` beside the email choice `<kind>`. */
export const smsField = (kind: NotificationKind) => `sms_${kind}` as const;

/** "Notifikationer": how each kind reaches me by email, and (citizens) by SMS. */
export const preferencesSchema = z.object({
  ...(Object.fromEntries(KINDS.map((k) => [k, mode])) as Record<NotificationKind, typeof mode>),
  ...(Object.fromEntries(KINDS.map((k) => [smsField(k), mode])) as Record<`sms_${NotificationKind}`, typeof mode>),
});
