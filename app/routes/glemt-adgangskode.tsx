import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";

import { normalizeEmail } from "~/auth/login.server";
import { requestPasswordReset, RESET_MINUTES } from "~/auth/password-reset.server";
import { forgotPasswordSchema } from "~/auth/schemas";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { Honeypot } from "~/components/honeypot";
import { afterAnswer } from "~/ops/after-answer.server";
import { honeypotFilled } from "~/security/honeypot";
import { clientIp, LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Glemt adgangskode" }];

// Public. The answer is the same whether the email has an account or not.
export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context);
  await reserveAttempt([{ limit: LIMITS.publicFormIp, key: ip }]);
  const parsed = await parseForm(request, forgotPasswordSchema);
  if (!parsed.success) return parsed.response;
  if (!honeypotFilled(parsed.formData)) {
    // One link per account per few minutes at most: the form cannot be used to flood someone's inbox.
    const account = [{ limit: LIMITS.resetAccount, key: normalizeEmail(parsed.data.email) }];
    await reserveAttempt(account);
    // The same answer at the same speed whether or not the email has an account.
    const { email } = parsed.data;
    afterAnswer("password reset", () => requestPasswordReset(db, email));
  }
  return redirectWithMessage("/login", "nulstil-link-sendt");
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(forgotPasswordSchema, { serverErrors: actionData?.errors });
  return (
    <>
      <h1>Glemt adgangskode</h1>
      <p>Skriv den e-mail, du logger ind med. Har den en konto, sender vi et link, hvor du kan vælge en ny adgangskode. Linket virker i {RESET_MINUTES} minutter.</p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <TextField label="E-mail" type="email" autoComplete="email" registration={register("email")} error={errorFor("email")} />
        <Honeypot />
        <FormError message={actionData?.formError} />
        <div>
          <SubmitButton pendingText="Sender …">Send link</SubmitButton>
        </div>
      </Form>
      <p>
        <Link to="/login">Tilbage til log ind</Link>
      </p>
    </>
  );
}
