import { type ActionFunctionArgs, json, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";

import { confirmEmailChange } from "~/auth/account.server";
import { SubmitButton } from "~/components/form";
import { clientIp, LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { readFormData } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Bekræft ny e-mail" }];

const closedTexts = {
  unknown: "Vi kan ikke finde linket. Tjek at du har kopieret hele linket fra e-mailen.",
  used: "Linket er allerede brugt, eller du har bedt om et nyere.",
  expired: "Linket er udløbet. Bed om et nyt under Min konto.",
  taken: "En anden konto bruger allerede den e-mail. Kontakt jobcentret, hvis det er din.",
  suspended: "Din adgang er sat på pause. Kontakt jobcentret, hvis du har spørgsmål.",
} as const;
const closedStatus = { unknown: 404, used: 410, expired: 410, taken: 409, suspended: 403 } as const;

// Public: the token in the link is the key. Confirming is a button (POST), so
// a mail scanner that opens the link changes nothing.
export async function action({ request, params, context }: ActionFunctionArgs) {
  await reserveAttempt([{ limit: LIMITS.publicFormIp, key: clientIp(context) }]);
  await readFormData(request);
  const result = await confirmEmailChange(db, params.token ?? "");
  if (result !== "ok") return json({ closed: result }, { status: closedStatus[result] });
  return redirectWithMessage("/min-konto", "email-aendret");
}

export default function ConfirmEmail() {
  // The only data the action returns is why the link did not work (success redirects).
  const closed = (useActionData<typeof action>() as { closed?: keyof typeof closedTexts } | undefined)?.closed;
  if (closed) {
    return (
      <>
        <h1>E-mailen er ikke ændret</h1>
        <p>{closedTexts[closed]}</p>
        <p>
          <Link to="/min-konto">Gå til Min konto</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Bekræft din nye e-mail</h1>
      <p>Tryk på knappen for at bruge den nye e-mail til din konto. Du logger ind med den fremover.</p>
      <Form method="post">
        <SubmitButton pendingText="Bekræfter …">Bekræft ny e-mail</SubmitButton>
      </Form>
    </>
  );
}
