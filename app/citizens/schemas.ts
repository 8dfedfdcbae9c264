import * as z from "zod";
import { day as dayField, email, text } from "~/utils/fields";

/** Status history: from 1990 (older history belongs in the municipality's own systems). */
const day = dayField("Vælg en dato, der findes.", { min: "1990-01-01", rangeMessage: "Vælg en dato fra 1990 og frem." });

/** Register a citizen without sending an invitation (e.g. before they are ready). */
export const registerCitizenSchema = z.object({
  intent: z.literal("register"),
  name: text("Skriv borgerens navn."),
  email: email(),
  consultantId: z.string().optional().transform((v) => (v ? v : undefined)),
  status: z.enum(["ledig", "i_fleksjob", "andet"], { error: "Vælg en status." }),
  fromDate: day,
});

/** The staff tools on one citizen's page. */
export const citizenActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("consultant"), consultantId: z.string().optional().transform((v) => (v ? v : undefined)) }),
  z.object({ intent: z.literal("status"), status: z.enum(["ledig", "i_fleksjob", "andet"], { error: "Vælg en status." }), fromDate: day }),
  z.object({ intent: z.literal("resend") }),
  z.object({ intent: z.literal("revoke") }),
]);
