import * as z from "zod";

import { email, text } from "~/utils/fields";

import { STAFF_ROLES } from "../../db/schema";

export const inviteFlexjobberSchema = z.object({
  name: text("Skriv borgerens navn."),
  email: email(),
  consultantId: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const inviteColleagueSchema = z.object({
  name: text("Skriv din kollegas navn."),
  email: email(),
});

export const inviteStaffSchema = z.object({
  name: text("Skriv medarbejderens navn."),
  email: email(),
  role: z.enum(STAFF_ROLES, { error: "Vælg en rolle." }),
});
