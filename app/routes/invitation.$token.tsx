import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { healthConsentText, healthConsentTitle, privacyAcceptText } from "~/auth/consent-texts";
import { acceptInvitation, type InvitationLookup, lookupInvitation } from "~/auth/invitations.server";
import { finishRoundTrip, forgetRoundTripCookie, verifiedIdentity } from "~/auth/oidc.server";
import { AUDIENCE_LABELS, AUDIENCE_SLUGS, audienceConfig, audienceOfRole } from "~/auth/oidc-config.server";
import { passwordsAllowedFor } from "~/auth/password-policy.server";
import { acceptFlexjobberInvitationSchema, acceptFlexjobberWithProviderSchema, acceptInvitationSchema, acceptWithProviderSchema } from "~/auth/schemas";
import { startSession } from "~/auth/session.server";
import { CheckboxField, FormError, RadioGroup, SubmitButton, TextField, useZodForm } from "~/components/form";
import { Honeypot } from "~/components/honeypot";
import { NewPasswordFields } from "~/components/new-password-fields";
import { hasNoEmail } from "~/email/no-email";
import { honeypotFilled } from "~/security/honeypot";
import { clientIp, LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { roleLabels } from "~/users/roles";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";
import type { Invitation } from "../../db/schema";

export const meta: MetaFunction = () => [{ title: "Invitation" }];

type ClosedState = Exclude<InvitationLookup["state"], "open"> | "email_taken" | "company_closed" | "cvr_mismatch" | "identity_taken";

const closedStatus: Record<ClosedState, number> = {
  unknown: 404,
  used: 410,
  expired: 410,
  revoked: 410,
  email_taken: 409,
  company_closed: 403,
  cvr_mismatch: 403,
  identity_taken: 409,
};

function closed(state: ClosedState) {
  return json({ state, invitation: null }, { status: closedStatus[state] });
}

/**
 * How this invitation can be accepted: with a password (unless the
 * municipality switched passwords off), and with the audience's provider
 * (MitID, MitID Erhverv, kommunens login) when it is configured.
 */
async function ways(request: Request, invitation: Invitation, token: string) {
  const audience = audienceOfRole(invitation.role);
  const offered = audienceConfig(audience) !== null;
  const found = offered ? await verifiedIdentity(db, request, "invitation") : null;
  const verified = found && found.purpose.kind === "invitation" && found.purpose.token === token && found.identity.audience === audience ? found.identity : null;
  return { audience, offered, verified, passwords: await passwordsAllowedFor(db, audience) };
}

// Public: the token in the link is the key.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const found = await lookupInvitation(db, token);
  if (found.state !== "open") return closed(found.state);
  const { name, email, role } = found.invitation;
  const { audience, offered, verified, passwords } = await ways(request, found.invitation, token);
  return json({
    state: "open" as const,
    invitation: { name, email, role },
    token,
    provider: offered ? { slug: AUDIENCE_SLUGS[audience], name: AUDIENCE_LABELS[audience].provider, verified: verified !== null } : null,
    passwords,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await reserveAttempt([{ limit: LIMITS.publicFormIp, key: clientIp(context) }]);
  const token = params.token ?? "";
  const found = await lookupInvitation(db, token);
  if (found.state !== "open") return closed(found.state);
  const isFlexjobber = found.invitation.role === "flexjobber";
  const { audience, verified, passwords } = await ways(request, found.invitation, token);
  if (verified) {
    const parsed = await parseForm(request, isFlexjobber ? acceptFlexjobberWithProviderSchema : acceptWithProviderSchema);
    if (!parsed.success) return parsed.response;
    const healthConsent = "healthConsent" in parsed.data && parsed.data.healthConsent === "ja";
    const result = await acceptInvitation(db, token, { password: "", healthConsent, identity: verified });
    await finishRoundTrip(db, request);
    if (result.status !== "ok") return closed(result.status);
    return startSession(result.userId, "/?besked=velkommen", { audience, idToken: verified.idToken }, [["Set-Cookie", forgetRoundTripCookie]]);
  }
  const parsed = await parseForm(request, isFlexjobber ? acceptFlexjobberInvitationSchema : acceptInvitationSchema);
  if (!parsed.success) return parsed.response;
  if (honeypotFilled(parsed.formData)) return badRequest({}, "Formularen kunne ikke sendes. Prøv igen.", 400);
  if (!passwords) return badRequest({}, `Opret din konto med ${AUDIENCE_LABELS[audience].provider}.`, 400);
  const healthConsent = "healthConsent" in parsed.data && parsed.data.healthConsent === "ja";
  // Invited on paper without email: she logs in with the address she gives here.
  const ownEmail = "newEmail" in parsed.data && typeof parsed.data.newEmail === "string" ? parsed.data.newEmail : undefined;
  if (hasNoEmail(found.invitation.email) && !ownEmail) return badRequest({ newEmail: "Skriv din e-mail. Du logger ind med den." });
  const result = await acceptInvitation(db, token, { password: parsed.data.password, healthConsent, email: ownEmail });
  if (result.status !== "ok") return closed(result.status);
  return startSession(result.userId, "/?besked=velkommen");
}

const closedTexts: Record<ClosedState, { title: string; text: string }> = {
  unknown: {
    title: "Linket virker ikke",
    text: "Vi kan ikke finde invitationen. Tjek at du har kopieret hele linket fra e-mailen.",
  },
  used: { title: "Invitationen er allerede brugt", text: "Du har allerede oprettet din konto. Du kan logge ind." },
  expired: {
    title: "Invitationen er udløbet",
    text: "Linket virker kun i 14 dage. Kontakt jobcentret, så sender de en ny invitation.",
  },
  revoked: {
    title: "Invitationen virker ikke længere",
    text: "Jobcentret har sendt en nyere invitation eller trukket denne tilbage. Brug linket i den nyeste e-mail, eller kontakt jobcentret.",
  },
  company_closed: {
    title: "Invitationen virker ikke længere",
    text: "Virksomheden har ikke adgang til platformen lige nu. Kontakt jobcentret, hvis du har spørgsmål.",
  },
  email_taken: {
    title: "Du har allerede en konto",
    text: "Der findes allerede en konto med din e-mail. Log ind, eller kontakt jobcentret.",
  },
  cvr_mismatch: {
    title: "CVR-nummeret passer ikke",
    text: "Du loggede ind med MitID Erhverv for en anden virksomhed end den, der har inviteret dig. Prøv igen med den rigtige virksomhed, eller vælg en adgangskode.",
  },
  identity_taken: {
    title: "Dit login hører til en anden konto",
    text: "Det login, du brugte, er allerede knyttet til en anden konto. Log ind med det, eller kontakt jobcentret.",
  },
};

export default function InvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const closedState: ClosedState | "open" = actionData && "state" in actionData ? (actionData.state as ClosedState) : loaderData.state;
  if (closedState !== "open" || !loaderData.invitation) {
    const { title, text } = closedTexts[closedState === "open" ? "unknown" : closedState];
    return (
      <>
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <Link to="/login">Gå til log ind</Link>
        </p>
      </>
    );
  }
  const serverErrors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const inv = loaderData.invitation;
  const isFlexjobber = inv.role === "flexjobber";
  const provider = loaderData.provider;
  const intro = isFlexjobber ? (
    <>
      <p>Jobcentret har inviteret dig til Refleks. Her kan virksomheder se, hvad du kan – uden at se, hvem du er, før du siger ja.</p>
      <p>Det er frivilligt at være med. Det påvirker ikke din ledighedsydelse eller din jobplan, hvis du siger nej eller stopper igen.</p>
    </>
  ) : (
    <p>
      Du er inviteret som {roleLabels[inv.role].toLowerCase()}.{provider ? "" : " Vælg en adgangskode for at oprette din konto."}
    </p>
  );
  if (provider?.verified) {
    return (
      <>
        <h1>Velkommen, {inv.name}</h1>
        <p>Du er logget ind med {provider.name}. Nu mangler du kun at sige ja til vilkårene, så er din konto klar.</p>
        <AcceptForm
          schema={isFlexjobber ? acceptFlexjobberWithProviderSchema : acceptWithProviderSchema}
          email={inv.email}
          serverErrors={serverErrors}
          withHealthConsent={isFlexjobber}
          withPassword={false}
          submitText="Opret min konto"
        />
      </>
    );
  }
  return (
    <>
      <h1>Velkommen, {inv.name}</h1>
      {intro}
      {provider ? (
        <>
          <h2>Opret med {provider.name}</h2>
          <p>Så logger du ind med {provider.name} og skal ikke huske en adgangskode.</p>
          {/* A plain form: the answer is a redirect to the provider, a full page load. */}
          <form method="post" action={`/login/${provider.slug}`}>
            <input type="hidden" name="purpose" value="invitation" />
            <input type="hidden" name="token" value={loaderData.token} />
            <button type="submit" className="button">
              Opret med {provider.name}
            </button>
          </form>
          {loaderData.passwords ? <h2>Eller vælg en adgangskode</h2> : null}
        </>
      ) : null}
      {loaderData.passwords ? (
        <AcceptForm
          schema={isFlexjobber ? acceptFlexjobberInvitationSchema : acceptInvitationSchema}
          email={inv.email}
          serverErrors={serverErrors}
          withHealthConsent={isFlexjobber}
          withPassword
          submitText="Opret min konto"
        />
      ) : null}
    </>
  );
}

function AcceptForm({
  schema,
  email,
  serverErrors,
  withHealthConsent = false,
  withPassword,
  submitText,
}: {
  schema: typeof acceptInvitationSchema | typeof acceptFlexjobberInvitationSchema | typeof acceptWithProviderSchema | typeof acceptFlexjobberWithProviderSchema;
  email: string;
  serverErrors?: Record<string, string>;
  withHealthConsent?: boolean;
  withPassword: boolean;
  submitText: string;
}) {
  const { onSubmit, errorFor, register } = useZodForm(
    // Typed as the larger schema so both forms share one component; each form parses with its own schema.
    schema as typeof acceptFlexjobberInvitationSchema,
    { serverErrors },
  );
  const actionData = useActionData<typeof action>();
  const formError = actionData && "formError" in actionData ? actionData.formError : undefined;
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      {!hasNoEmail(email) ? (
        <div className="field">
          <span>
            <strong>Din e-mail:</strong> {email}
          </span>
        </div>
      ) : withPassword ? (
        <TextField
          label="Din e-mail"
          hint="Du logger ind med den. Har du ikke en e-mail, så ring til jobcentret. Vi hjælper dig gerne med at lave en."
          type="email"
          autoComplete="email"
          registration={register("newEmail")}
          error={errorFor("newEmail")}
        />
      ) : null}
      {withPassword ? (
        <NewPasswordFields
          label="Vælg en adgangskode"
          password={{ registration: register("password"), error: errorFor("password") }}
          confirm={{ registration: register("passwordConfirm"), error: errorFor("passwordConfirm") }}
        />
      ) : (
        <input type="hidden" name="intent" value="provider" />
      )}
      <CheckboxField
        label={
          <>
            {privacyAcceptText}{" "}
            <Link to="/privatliv" target="_blank">
              Læs om dine oplysninger
            </Link>{" "}
            (åbner i et nyt vindue)
          </>
        }
        registration={register("acceptPrivacy")}
        error={errorFor("acceptPrivacy")}
      />
      {withHealthConsent ? (
        <RadioGroup
          legend={healthConsentTitle}
          registration={register("healthConsent")}
          error={errorFor("healthConsent")}
          options={[
            { value: "ja", label: "Ja, jeg giver samtykke til, at mine skånebehov kan stå på min profil." },
            { value: "nej", label: "Nej, ikke nu. Jeg kan sige ja senere." },
          ]}
        >
          {healthConsentText.map((p) => (
            <p className="hint" key={p}>
              {p}
            </p>
          ))}
        </RadioGroup>
      ) : null}
      <Honeypot />
      <FormError message={formError ?? serverErrors?.form} />
      <div>
        <SubmitButton pendingText="Opretter konto …">{submitText}</SubmitButton>
      </div>
    </Form>
  );
}
