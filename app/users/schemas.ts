import * as z from "zod";

import { email, text } from "~/utils/fields";

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
  role: z.enum(["staff", "admin"], { error: "Vælg en rolle." }),
});
