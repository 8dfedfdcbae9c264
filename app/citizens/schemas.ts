import { z } from "zod";
import { email, text } from "~/utils/fields";

const day = z.string({ error: "Vælg en dato." }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Vælg en dato.");

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
