import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/client.server";
import {
  healthConsentText,
  healthConsentTitle,
  privacyAcceptText,
} from "~/auth/consent-texts";
import { acceptInvitation, lookupInvitation, type InvitationLookup } from "~/auth/invitations.server";
import { acceptFlexjobberInvitationSchema, acceptInvitationSchema } from "~/auth/schemas";
import { startSession } from "~/auth/session.server";
import { CheckboxField, FormError, RadioGroup, SubmitButton, useZodForm } from "~/components/form";
import { NewPasswordFields } from "~/components/new-password-fields";
import { roleLabels } from "~/users/roles";
import { badRequest, parseForm } from "~/utils/forms.server";
import { Honeypot } from "~/components/honeypot";
import { honeypotFilled } from "~/security/honeypot";
import { clientIp, enforceRateLimit, LIMITS } from "~/security/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Invitation" }];

type ClosedState = Exclude<InvitationLookup["state"], "open"> | "email_taken" | "company_closed";

const closedStatus: Record<ClosedState, number> = { unknown: 404, used: 410, expired: 410, revoked: 410, email_taken: 409, company_closed: 403 };

function closed(state: ClosedState) {
  return json({ state, invitation: null }, { status: closedStatus[state] });
}

// Public: the token in the link is the key.
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await lookupInvitation(db, params.token ?? "");
  if (found.state !== "open") return closed(found.state);
  const { name, email, role } = found.invitation;
  return json({ state: "open" as const, invitation: { name, email, role } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await enforceRateLimit([{ limit: LIMITS.publicFormIp, key: clientIp(context) }], { record: true });
  const token = params.token ?? "";
  const found = await lookupInvitation(db, token);
  if (found.state !== "open") return closed(found.state);
  const isFlexjobber = found.invitation.role === "flexjobber";
  const parsed = await parseForm(request, isFlexjobber ? acceptFlexjobberInvitationSchema : acceptInvitationSchema);
  if (!parsed.success) return parsed.response;
  if (honeypotFilled(parsed.formData)) return badRequest({}, "Formularen kunne ikke sendes. Prøv igen.", 400);
  const healthConsent = "healthConsent" in parsed.data && parsed.data.healthConsent === "ja";
  const result = await acceptInvitation(db, token, { password: parsed.data.password, healthConsent });
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
};

export default function InvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const closedState: ClosedState | "open" =
    actionData && "state" in actionData ? (actionData.state as ClosedState) : loaderData.state;
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
  return inv.role === "flexjobber" ? (
    <FlexjobberAccept name={inv.name} email={inv.email} serverErrors={serverErrors} />
  ) : (
    <>
      <h1>Velkommen, {inv.name}</h1>
      <p>
        Du er inviteret som {roleLabels[inv.role].toLowerCase()}. Vælg en adgangskode for at oprette din konto.
      </p>
      <AcceptForm schema={acceptInvitationSchema} email={inv.email} serverErrors={serverErrors} />
    </>
  );
}

function FlexjobberAccept({ name, email, serverErrors }: { name: string; email: string; serverErrors?: Record<string, string> }) {
  return (
    <>
      <h1>Velkommen, {name}</h1>
      <p>Jobcentret har inviteret dig til Refleks. Her kan virksomheder se, hvad du kan – uden at se, hvem du er, før du siger ja.</p>
      <p>
        Det er frivilligt at være med. Det påvirker ikke din ledighedsydelse eller din jobplan, hvis du siger nej eller
        stopper igen.
      </p>
      <AcceptForm schema={acceptFlexjobberInvitationSchema} email={email} serverErrors={serverErrors} withHealthConsent />
    </>
  );
}

function AcceptForm({
  schema,
  email,
  serverErrors,
  withHealthConsent = false,
}: {
  schema: typeof acceptInvitationSchema | typeof acceptFlexjobberInvitationSchema;
  email: string;
  serverErrors?: Record<string, string>;
  withHealthConsent?: boolean;
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
      <div className="field">
        <span>
          <strong>Din e-mail:</strong> {email}
        </span>
      </div>
      <NewPasswordFields
        label="Vælg en adgangskode"
        password={{ registration: register("password"), error: errorFor("password") }}
        confirm={{ registration: register("passwordConfirm"), error: errorFor("passwordConfirm") }}
      />
      <CheckboxField
        label={
          <>
            {privacyAcceptText} <Link to="/privatliv" target="_blank">Læs om dine oplysninger</Link> (åbner i et nyt vindue)
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
        <SubmitButton pendingText="Opretter konto …">Opret min konto</SubmitButton>
      </div>
    </Form>
  );
}
