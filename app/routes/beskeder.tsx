import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireCompanyUser, requireUser } from "~/auth/guard.server";
import { FormError } from "~/components/form";
import { Pager } from "~/components/pager";
import { answerContactRequestAndNotify } from "~/messages/notices.server";
import { listThreads } from "~/messages/threads.server";
import { viewerOf } from "~/messages/viewer.server";
import { type CompanyRequestRow, type FlexjobberRequestRow, listRequestsForCompany, listRequestsForFlexjobber } from "~/profiles/contact.server";
import { answerRequestSchema } from "~/profiles/schemas";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Beskeder" }];

const statusLabels = { pending: "Venter på svar", accepted: "Sagt ja", declined: "Sagt nej tak", expired: "Ikke besvaret (udløbet)" } as const;

// Everyone signed in: their conversations. Flexjobbers also answer companies'
// contact requests here; companies follow the requests they sent.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = Number(new URL(request.url).searchParams.get("side")) || 1;
  const threads = await listThreads(db, viewerOf(user), page);
  if (user.role === "flexjobber") {
    return json({ role: user.role, threads, incoming: await listRequestsForFlexjobber(db, user.id), sent: [] as CompanyRequestRow[] });
  }
  if (user.role === "company") {
    const companyUser = await requireCompanyUser(request);
    return json({ role: user.role, threads, incoming: [] as FlexjobberRequestRow[], sent: await listRequestsForCompany(db, companyUser.companyId) });
  }
  return json({ role: user.role, threads, incoming: [] as FlexjobberRequestRow[], sent: [] as CompanyRequestRow[] });
}

// Flexjobbers answer a company's request; a yes opens the conversation with it.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber"] });
  const parsed = await parseForm(request, answerRequestSchema);
  if (!parsed.success) return parsed.response;
  const result = await answerContactRequestAndNotify(db, { userId: user.id, ...parsed.data });
  if (result === "not_found") return badRequest({}, "Forespørgslen er allerede besvaret, er udløbet eller findes ikke.", 404);
  if (result.threadId !== null) return redirectWithMessage(`/beskeder/${result.threadId}`, "forespoergsel-ja");
  return redirectWithMessage("/beskeder", "forespoergsel-nej");
}

export default function Messages() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Beskeder</h1>
      <FormError message={actionData?.formError} />
      {data.role === "flexjobber" ? <Incoming rows={data.incoming.filter((r) => r.status === "pending")} /> : null}
      <section aria-labelledby="threads-h">
        <h2 id="threads-h">Samtaler</h2>
        {data.role === "flexjobber" || data.role === "company" ? (
          <p>
            <Link to="/beskeder/ny" className="button secondary">
              Skriv til jobcentret
            </Link>
          </p>
        ) : null}
        {data.threads.rows.length === 0 ? <p>Ingen samtaler endnu.</p> : null}
        <ul className="threads">
          {data.threads.rows.map((t) => (
            <li key={t.id} className={t.unread > 0 ? "unread" : undefined}>
              <Link to={`/beskeder/${t.id}`}>
                {t.withWhom}: {t.subject}
              </Link>
              <span className="muted">
                {formatDate(t.lastMessageAt)}
                {t.unread > 0 ? (
                  <>
                    {" · "}
                    <strong>{t.unread === 1 ? "1 ulæst" : `${t.unread} ulæste`}</strong>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
        <Pager page={data.threads.page} pages={data.threads.pages} />
      </section>
      {data.role === "flexjobber" ? <Answered rows={data.incoming.filter((r) => r.status !== "pending")} /> : null}
      {data.role === "company" ? <Sent rows={data.sent} /> : null}
    </>
  );
}

/** Requests she has answered or let expire: the yes ones live on as conversations above. */
function Answered({ rows }: { rows: FlexjobberRequestRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="answered-h">
      <h2 id="answered-h">Tidligere forespørgsler</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            {r.companyName}, {formatDate(r.createdAt)}: {statusLabels[r.status]}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Incoming({ rows }: { rows: FlexjobberRequestRow[] }) {
  return (
    <section aria-labelledby="in-h">
      <h2 id="in-h">Virksomheder der vil i kontakt med dig</h2>
      <p>
        Siger du ja, kan virksomheden se dit navn, din e-mail og dit telefonnummer. Siger du nej, får den ingenting at vide, og den kan ikke spørge igen de næste 30 dage. Svarer du
        ikke inden 30 dage, gælder det som et nej.
      </p>
      {rows.length === 0 ? <p>Ingen nye forespørgsler.</p> : null}
      {rows.map((r) => (
        <article key={r.id} className="card" aria-labelledby={`req-${r.id}`}>
          <h3 id={`req-${r.id}`}>{r.companyName}</h3>
          <p>
            {r.opening ? (
              <>Om jobbet: {r.opening.open ? <Link to={`/job/${r.opening.id}`}>{r.opening.title}</Link> : `${r.opening.title} (opslaget er lukket)`}</>
            ) : (
              "Om et fleksjob hos virksomheden. Den nævner ikke et bestemt opslag."
            )}
          </p>
          <p className="muted">
            {r.senderName ? `Fra ${r.senderName}, ` : ""}
            {formatDate(r.createdAt)} · {statusLabels[r.status]}
          </p>
          <p className="prewrap">{r.message}</p>
          {r.status === "pending" ? (
            // Two equal buttons: a no is as welcome as a yes.
            <Form method="post" className="actions">
              <input type="hidden" name="requestId" value={r.id} />
              <button type="submit" name="answer" value="accepted" className="secondary">
                Ja, del mine kontaktoplysninger <span className="visually-hidden">med {r.companyName}</span>
              </button>
              <button type="submit" name="answer" value="declined" className="secondary">
                Nej tak <span className="visually-hidden">til {r.companyName}</span>
              </button>
            </Form>
          ) : null}
        </article>
      ))}
    </section>
  );
}

function Sent({ rows }: { rows: CompanyRequestRow[] }) {
  return (
    <section aria-labelledby="sent-h">
      <h2 id="sent-h">Jeres forespørgsler</h2>
      {rows.length === 0 ? (
        <p>
          I har ikke sendt nogen endnu. <Link to="/kandidater">Find kandidater</Link>
        </p>
      ) : null}
      {rows.map((r) => (
        <article key={r.id} className="card" aria-labelledby={`sent-${r.id}`}>
          <h3 id={`sent-${r.id}`}>
            <Link to={`/kandidater/${encodeURIComponent(r.alias)}`}>{r.identity ? `${r.identity.name} (${r.alias})` : r.alias}</Link>
          </h3>
          <p className="muted">
            Sendt {formatDate(r.createdAt)} · <span className="badge">{statusLabels[r.status]}</span>
          </p>
          {r.identity ? (
            <p>
              <a href={`mailto:${r.identity.email}`}>{r.identity.email}</a>
              {r.identity.phone ? ` · ${r.identity.phone}` : ""}
            </p>
          ) : null}
        </article>
      ))}
    </section>
  );
}
