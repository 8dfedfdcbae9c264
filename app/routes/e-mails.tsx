import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { FormError, SubmitButton } from "~/components/form";
import { Pager } from "~/components/pager";
import { TableRegion } from "~/components/table-region";
import { listUnsentEmails, MAX_ATTEMPTS, retryEmail } from "~/email/email.server";
import { formatDate, formatTime } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { pageParam } from "~/utils/paging";

import { db } from "../../db/client.server";
import type { EmailKind } from "../../db/schema";

export const meta: MetaFunction = () => [{ title: "Udgående e-mails" }];

const retrySchema = z.object({ emailId: z.coerce.number().int().positive() });

const kindLabels = {
  invitation: "Invitation",
  company_decision: "Svar til virksomhed",
  notice: "Besked",
  password_reset: "Ny adgangskode",
  email_change: "Ny e-mail",
} as const satisfies Record<EmailKind, string>;

// Staff and admins: emails the mail system has not taken yet (never their text: an invitation link is a key).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  return json({ emails: await listUnsentEmails(db, pageParam(request.url)), maxAttempts: MAX_ATTEMPTS });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, retrySchema);
  if (!parsed.success) return parsed.response;
  const result = await retryEmail(db, parsed.data.emailId);
  if (result === "not_found") return badRequest({}, "E-mailen er allerede sendt, eller den findes ikke.", 409);
  return redirectWithMessage("/e-mails", result === "sent" ? "email-sendt" : "email-ikke-sendt");
}

export default function OutgoingEmails() {
  const { emails, maxAttempts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Udgående e-mails</h1>
      <p>
        E-mails, som mailsystemet ikke har taget imod endnu. Vi prøver selv igen {maxAttempts} gange med stigende mellemrum. Derefter venter e-mailen på, at I trykker &quot;Prøv
        igen&quot;.
      </p>
      <FormError message={actionData?.formError} />
      {emails.total === 0 ? (
        <p>Alle e-mails er sendt.</p>
      ) : (
        <TableRegion caption={`E-mails, der ikke er sendt (${emails.total}), side ${emails.page} af ${emails.pages}`} head={["Til", "Emne", "Status", "Fejl", ""]}>
          {emails.rows.map((e) => (
            <tr key={e.id}>
              <td>{e.toAddress}</td>
              <td>
                {e.channel === "sms" ? "SMS" : `${kindLabels[e.kind]}: ${e.subject}`}
                <br />
                <span className="muted">
                  Lagt i kø {formatDate(e.createdAt)} kl. {formatTime(e.createdAt)}
                </span>
              </td>
              <td>
                {e.status === "failed"
                  ? "Ikke sendt – prøv igen"
                  : e.status === "sending"
                    ? "Sendes nu"
                    : `Prøver igen kl. ${formatTime(e.nextAttemptAt)} (forsøg ${e.attempts} af ${maxAttempts})`}
              </td>
              <td>{e.lastError ?? "–"}</td>
              <td>
                <Form method="post">
                  <input type="hidden" name="emailId" value={e.id} />
                  <SubmitButton className="secondary" pendingText="Sender …">
                    Prøv igen <span className="visually-hidden">({e.toAddress})</span>
                  </SubmitButton>
                </Form>
              </td>
            </tr>
          ))}
        </TableRegion>
      )}
      <Pager page={emails.page} pages={emails.pages} />
    </>
  );
}
