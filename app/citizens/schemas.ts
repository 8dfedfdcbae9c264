import * as z from "zod";

import { day as dayField, email, text } from "~/utils/fields";

/** Status history: from 1990 (older history belongs in the municipality's own systems). */
const day = dayField("Vælg en dato, der findes.", { min: "1990-01-01", rangeMessage: "Vælg en dato fra 1990 og frem." });

/** Register a citizen without sending an invitation (e.g. before they are ready). */
export const registerCitizenSchema = z.object({
  intent: z.literal("register"),
  name: text("Skriv borgerens navn."),
  // Empty: she has no email, and gets her invitation on paper.
  email: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), email().optional()),
  consultantId: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  status: z.enum(["ledig", "i_fleksjob", "andet"], { error: "Vælg en status." }),
  fromDate: day,
});

/** The staff tools on one citizen's page. */
export const citizenActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("consultant"),
    consultantId: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined)),
  }),
  z.object({ intent: z.literal("status"), status: z.enum(["ledig", "i_fleksjob", "andet"], { error: "Vælg en status." }), fromDate: day }),
  z.object({ intent: z.literal("resend") }),
  z.object({ intent: z.literal("revoke") }),
  // "Udfyld profilen sammen med borgeren": she is at the meeting and says yes.
  z.object({ intent: z.literal("assist"), present: z.literal("ja", { error: "Sæt kryds, når borgeren er med og siger ja." }) }),
]);

export const QUIET_DAYS = [7, 14, 28, 60, 90] as const;

const blank = (v: unknown) => (v === "" || v === undefined ? undefined : v);

/** The search and filters of "Borgere" (GET, in the URL so a filtered list can be bookmarked). */
export const citizenListSchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(100, "Søg med højst 100 tegn.").optional()),
  /** "mine", "ingen" or a staff member's id. */
  raadgiver: z.preprocess(blank, z.string().max(64).optional()),
  konto: z.preprocess(blank, z.enum(["none", "invited", "expired", "revoked", "account", "suspended"], { error: "Vælg en kontotilstand fra listen." }).optional()),
  profil: z.preprocess(blank, z.enum(["ingen", "draft", "pending", "returned", "approved", "pause"], { error: "Vælg en profiltilstand fra listen." }).optional()),
  status: z.preprocess(blank, z.enum(["ledig", "i_fleksjob", "andet", "ingen"], { error: "Vælg en status fra listen." }).optional()),
  inaktiv: z.preprocess(
    (v) => (blank(v) === undefined ? undefined : Number(v)),
    z
      .union(
        QUIET_DAYS.map((d) => z.literal(d)),
        { error: "Vælg et antal dage fra listen." },
      )
      .optional(),
  ),
  sortering: z.preprocess(blank, z.enum(["navn", "login"], { error: "Sortér efter navn eller sidste login." }).optional()),
  side: z.preprocess((v) => (v === "" || v === undefined ? 1 : Number(v)), z.number().int().min(1).max(100_000).catch(1)),
});

export type CitizenListQuery = z.infer<typeof citizenListSchema>;

/** "Lav brevet": an invitation on paper (the form has only its button). */
export const paperInvitationSchema = z.object({ intent: z.literal("brev", { error: "Tryk på knappen for at lave brevet." }) });
