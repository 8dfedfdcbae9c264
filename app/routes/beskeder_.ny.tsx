import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";

import { requireUser } from "~/auth/guard.server";
import { FormError, SubmitButton, TextAreaField, TextField, useZodForm } from "~/components/form";
import { startJobcenterThreadAndNotify } from "~/messages/notices.server";
import { MESSAGE_MAX, newThreadSchema } from "~/messages/schemas";
import { viewerOf } from "~/messages/viewer.server";
import { LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Skriv til jobcentret" }];

// Flexjobbers (to their consultant, or all staff) and company users (to all staff).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["flexjobber", "company"] });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber", "company"] });
  const parsed = await parseForm(request, newThreadSchema);
  if (!parsed.success) return parsed.response;
  await reserveAttempt([{ limit: LIMITS.messages, key: user.id }]);
  const id = await startJobcenterThreadAndNotify(db, viewerOf(user), parsed.data);
  return redirectWithMessage(`/beskeder/${id}`, "besked-sendt");
}

export default function NewThread() {
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(newThreadSchema, { serverErrors: actionData?.errors });
  return (
    <>
      <p>
        <Link to="/beskeder">Tilbage til Beskeder</Link>
      </p>
      <h1>Skriv til jobcentret</h1>
      <p>Jobcentret svarer her i Beskeder, normalt inden for to hverdage. Har du en fast jobkonsulent, er det hende eller ham, der læser med.</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <TextField label="Emne" registration={register("subject")} error={errorFor("subject")} maxLength={120} />
        <TextAreaField label="Besked" registration={register("body")} error={errorFor("body")} maxLength={MESSAGE_MAX} />
        <div>
          <SubmitButton pendingText="Sender …">Send</SubmitButton>
        </div>
      </Form>
    </>
  );
}
