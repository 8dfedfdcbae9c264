import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { FormError } from "~/components/form";
import { MessageBody } from "~/components/message-body";
import { Pager } from "~/components/pager";
import { handleReport, listOpenReports } from "~/messages/safety.server";
import { reportDecisionSchema } from "~/messages/schemas";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { pageParam } from "~/utils/paging";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Indberetninger" }];

// Staff and admins: messages someone reported, and what to do about them.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  return json({ reports: await listOpenReports(db, pageParam(request.url)) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, reportDecisionSchema);
  if (!parsed.success) return parsed.response;
  const result = await handleReport(db, user.id, parsed.data.reportId, parsed.data.outcome);
  if (result === "not_found") return badRequest({}, "Indberetningen er allerede behandlet.", 409);
  return redirectWithMessage("/indberetninger", "indberetning-behandlet");
}

export default function Reports() {
  const { reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Indberetninger</h1>
      <p>Beskeder, som en bruger har anmeldt. Afvis, giv forfatteren en advarsel på e-mail, eller spær forfatterens adgang med det samme.</p>
      <FormError message={actionData?.formError} />
      {reports.total === 0 ? <p>Ingen indberetninger venter.</p> : <p>{reports.total === 1 ? "1 indberetning venter." : `${reports.total} indberetninger venter.`}</p>}
      {reports.rows.map((r) => {
        const author = r.authorStatus === "erased" || !r.authorName ? "Slettet bruger" : r.authorCompany ? `${r.authorName} (${r.authorCompany})` : r.authorName;
        return (
          <article key={r.id} className="card" aria-labelledby={`report-${r.id}`}>
            <h2 id={`report-${r.id}`}>Besked fra {author}</h2>
            <p className="muted">
              I samtalen &quot;{r.subject}&quot;, skrevet {formatDate(r.writtenAt)}. Anmeldt af {r.reporterName ?? "Slettet bruger"} {formatDate(r.createdAt)}.
            </p>
            <blockquote>{r.body ? <MessageBody text={r.body} /> : <p className="muted">Beskeden er slettet.</p>}</blockquote>
            {r.reason ? <p>Begrundelse: {r.reason}</p> : null}
            <Form method="post" className="actions">
              <input type="hidden" name="reportId" value={r.id} />
              <button type="submit" name="outcome" value="dismissed" className="secondary">
                Afvis <span className="visually-hidden">indberetningen af beskeden fra {author}</span>
              </button>
              <button type="submit" name="outcome" value="warned" className="secondary">
                Giv en advarsel <span className="visually-hidden">til {author}</span>
              </button>
              {r.authorRole === "company" || r.authorRole === "flexjobber" ? (
                <button type="submit" name="outcome" value="suspended" className="danger">
                  Spær {author}
                </button>
              ) : null}
            </Form>
          </article>
        );
      })}
      <Pager page={reports.page} pages={reports.pages} />
    </>
  );
}
