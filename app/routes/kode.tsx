import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";

import { lookupInvitation, normalizeInvitationCode } from "~/auth/invitations.server";
import { codeSchema } from "~/auth/schemas";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { clientIp, LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Skriv din kode" }];

// Public: the code from an invitation on paper leads to the invitation, like the link in an email.
export async function action({ request, context }: ActionFunctionArgs) {
  await reserveAttempt([{ limit: LIMITS.publicFormIp, key: clientIp(context) }]);
  const parsed = await parseForm(request, codeSchema);
  if (!parsed.success) return parsed.response;
  const code = normalizeInvitationCode(parsed.data.kode);
  const found = await lookupInvitation(db, code);
  if (found.state !== "open") {
    return badRequest({ kode: "Koden passer ikke, eller den er udløbet. Tjek den i brevet, eller ring til jobcentret, så sender vi en ny." });
  }
  return redirect(`/invitation/${encodeURIComponent(code)}`);
}

export default function TypeCode() {
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(codeSchema, { serverErrors: actionData?.errors });
  return (
    <>
      <h1>Skriv din kode</h1>
      <p>Har du fået et brev fra jobcentret med en kode, så skriv den her. Store og små bogstaver er lige meget.</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <TextField label="Kode fra brevet" registration={register("kode")} error={errorFor("kode")} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        <div>
          <SubmitButton pendingText="Tjekker …">Videre</SubmitButton>
        </div>
      </Form>
    </>
  );
}
