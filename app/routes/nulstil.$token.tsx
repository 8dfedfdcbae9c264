import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { lookupPasswordReset, resetPassword } from "~/auth/password-reset.server";
import { resetPasswordSchema } from "~/auth/schemas";
import { FormError, SubmitButton, useZodForm } from "~/components/form";
import { Honeypot } from "~/components/honeypot";
import { NewPasswordFields } from "~/components/new-password-fields";
import { honeypotFilled } from "~/security/honeypot";
import { clientIp, LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Ny adgangskode" }];

const closedTexts = {
  unknown: "Vi kan ikke finde linket. Tjek at du har kopieret hele linket fra e-mailen.",
  used: "Linket er allerede brugt. Bed om et nyt, hvis du stadig mangler en adgangskode.",
  expired: "Linket er udløbet. Bed om et nyt.",
  suspended: "Din adgang er sat på pause. Kontakt jobcentret, hvis du har spørgsmål.",
} as const;
const closedStatus = { unknown: 404, used: 410, expired: 410, suspended: 403 } as const;

// Public: the token in the link is the key.
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await lookupPasswordReset(db, params.token ?? "");
  if (found.state !== "open") return json({ closed: found.state }, { status: closedStatus[found.state] });
  return json({ closed: null });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await reserveAttempt([{ limit: LIMITS.publicFormIp, key: clientIp(context) }]);
  const parsed = await parseForm(request, resetPasswordSchema);
  if (!parsed.success) return parsed.response;
  if (honeypotFilled(parsed.formData)) return badRequest({}, "Formularen kunne ikke sendes. Prøv igen.", 400);
  const result = await resetPassword(db, params.token ?? "", parsed.data.password);
  if (result !== "ok") return json({ closed: result }, { status: closedStatus[result] });
  return redirectWithMessage("/login", "adgangskode-skiftet");
}

export default function ResetPassword() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const closed: keyof typeof closedTexts | null = actionData && "closed" in actionData ? actionData.closed : data.closed;
  const serverErrors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const { onSubmit, errorFor, register } = useZodForm(resetPasswordSchema, { serverErrors });
  if (closed) {
    return (
      <>
        <h1>Linket virker ikke</h1>
        <p>{closedTexts[closed]}</p>
        <p>
          <Link to="/glemt-adgangskode">Bed om et nyt link</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Vælg en ny adgangskode</h1>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <NewPasswordFields
          label="Ny adgangskode"
          password={{ registration: register("password"), error: errorFor("password") }}
          confirm={{ registration: register("passwordConfirm"), error: errorFor("passwordConfirm") }}
        />
        <Honeypot />
        <FormError message={actionData && "formError" in actionData ? actionData.formError : undefined} />
        <div>
          <SubmitButton pendingText="Gemmer …">Gem ny adgangskode</SubmitButton>
        </div>
      </Form>
    </>
  );
}
