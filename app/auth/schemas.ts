import * as z from "zod";

import { checkboxList, email, optionalPhone, requiredCheckbox } from "~/utils/fields";

export const PASSWORD_MIN = 10;

export const loginSchema = z.object({
  email: email(),
  password: z.string({ error: "Skriv din adgangskode." }).min(1, "Skriv din adgangskode.").max(200),
  redirectTo: z.string().optional(),
});

const newPassword = {
  password: z
    .string({ error: "Vælg en adgangskode." })
    .min(PASSWORD_MIN, `Adgangskoden skal have mindst ${PASSWORD_MIN} tegn.`)
    .max(200, "Adgangskoden er for lang. Højst 200 tegn."),
  passwordConfirm: z.string({ error: "Skriv adgangskoden igen." }).min(1, "Skriv adgangskoden igen."),
  acceptPrivacy: requiredCheckbox("Du skal sætte flueben for at fortsætte."),
};

const passwordsMatch = (v: { password: string; passwordConfirm: string }) => v.password === v.passwordConfirm;
const mismatch = {
  message: "De to adgangskoder er ikke ens.",
  path: ["passwordConfirm"],
  // Check the match even when other fields have errors, so every message shows at once.
  when: ({ value }: { value: unknown }) => {
    const v = value as { password?: unknown; passwordConfirm?: unknown };
    return typeof v.password === "string" && typeof v.passwordConfirm === "string" && v.passwordConfirm !== "";
  },
};

/** "Glemt adgangskode?": only the email. */
export const forgotPasswordSchema = z.object({ email: email() });

/** Choosing a new password from a reset link. */
export const resetPasswordSchema = z.object({ password: newPassword.password, passwordConfirm: newPassword.passwordConfirm }).refine(passwordsMatch, mismatch);

/** Accepting an invitation as a company user or staff member. */
export const acceptInvitationSchema = z.object(newPassword).refine(passwordsMatch, mismatch);

/** A flexjobber also answers the health-data consent: yes or no, both are fine. */
export const acceptFlexjobberInvitationSchema = z
  .object({
    ...newPassword,
    healthConsent: z.enum(["ja", "nej"], { error: "Vælg ja eller nej." }),
    // Only asked when staff registered her without email (an invitation on paper).
    newEmail: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), email().optional()),
  })
  .refine(passwordsMatch, mismatch);

const currentPassword = z.string({ error: "Skriv din nuværende adgangskode." }).min(1, "Skriv din nuværende adgangskode.").max(200);

/** "Min konto": the phone number companies see after a yes. */
export const phoneSchema = z.object({ intent: z.literal("phone"), phone: optionalPhone() });

/** "Min konto": a new email, confirmed by a link to it before it counts. */
export const changeEmailSchema = z.object({ intent: z.literal("email"), newEmail: email(), emailPassword: currentPassword });

/** "Min konto": a new email for an account without a password, confirmed with MitID instead. */
export const changeEmailWithProviderSchema = z.object({ intent: z.literal("email-provider"), newEmail: email() });

/** "Min konto": a new password. */
export const changePasswordSchema = z
  .object({ intent: z.literal("password"), currentPassword, password: newPassword.password, passwordConfirm: newPassword.passwordConfirm })
  .refine(passwordsMatch, mismatch);

/** "Min konto": a flexjobber lifts a block on a company. */
export const unblockSchema = z.object({ intent: z.literal("unblock"), companyId: z.coerce.number().int().positive() });

/** "Min konto": stop logging in with MitID (or the audience's provider). */
export const unlinkProviderSchema = z.object({ intent: z.literal("unlink-provider") });

export const accountActionSchema = z.discriminatedUnion("intent", [
  phoneSchema,
  changeEmailSchema,
  changeEmailWithProviderSchema,
  changePasswordSchema,
  unblockSchema,
  unlinkProviderSchema,
]);

/** The buttons that start a login through an identity provider (/login/<provider>). */
export const providerStartSchema = z.discriminatedUnion("purpose", [
  z.object({ purpose: z.literal("login"), redirectTo: z.string().max(500).optional() }),
  z.object({ purpose: z.literal("link") }),
  z.object({ purpose: z.literal("invitation"), token: z.string().min(1).max(200) }),
  z.object({ purpose: z.literal("access-request") }),
]);

/** Accepting an invitation with an identity the provider verified: only the consents. */
export const acceptWithProviderSchema = z.object({ intent: z.literal("provider"), acceptPrivacy: newPassword.acceptPrivacy });

export const acceptFlexjobberWithProviderSchema = acceptWithProviderSchema.extend({
  healthConsent: z.enum(["ja", "nej"], { error: "Vælg ja eller nej." }),
});

/** "Indstillinger": the audiences that log in only with their provider (no passwords). */
export const passwordsOffSchema = z.object({
  intent: z.literal("passwords"),
  off: checkboxList(["citizen", "business", "staff"] as const),
});

/** /kode: the code from an invitation on paper (spaces, dashes and small letters are fine). */
export const codeSchema = z.object({ kode: z.string({ error: "Skriv koden fra brevet." }).trim().min(1, "Skriv koden fra brevet.").max(40, "Koden er for lang.") });
