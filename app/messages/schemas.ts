import * as z from "zod";

import { optionalText, text } from "~/utils/fields";

export const MESSAGE_MAX = 4000;

const body = text("Skriv en besked.", MESSAGE_MAX);

/** A message in a thread, or bringing in the flexjobber's consultant. */
export const threadActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("message"), body }),
  z.object({ intent: z.literal("invite") }),
  z.object({ intent: z.literal("block") }),
  z.object({ intent: z.literal("report"), messageId: z.coerce.number().int().positive(), reason: optionalText(1000) }),
]);

/** Staff handle a report. */
export const reportDecisionSchema = z.object({
  reportId: z.coerce.number().int().positive(),
  outcome: z.enum(["dismissed", "warned", "suspended"], { error: "Vælg hvad der skal ske." }),
});

/** The browser's check of the reply box (the same rules as the action's). */
export const replySchema = z.object({ intent: z.literal("message"), body });

/** "Skriv til jobcentret". */
export const newThreadSchema = z.object({ subject: text("Skriv et emne, fx Spørgsmål om fleksjob.", 120), body });

/** Staff write to a citizen (til) or a company (virksomhed), e.g. from Opfølgning. */
export const staffThreadSchema = z
  .object({
    til: z.string().max(64).optional(),
    virksomhed: z.coerce.number().int().positive().optional(),
    subject: text("Skriv et emne.", 120),
    body,
  })
  .refine((v) => Boolean(v.til) !== Boolean(v.virksomhed), { message: "Vælg, hvem beskeden er til.", path: ["subject"] });
