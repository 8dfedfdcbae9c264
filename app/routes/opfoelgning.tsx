import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { FormError, SubmitButton } from "~/components/form";
import { FOLLOW_UP_HIDE_DAYS, type FollowUpDays } from "~/follow-up/options";
import { followUpSchema } from "~/follow-up/schemas";
import { followUpThresholds } from "~/follow-up/thresholds.server";
import { type LoadedWorklist, loadWorklist, markFollowedUp, type Worklist, type WorklistRow } from "~/follow-up/worklist.server";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Opfølgning" }];

// Staff and admins: who needs a call. "Mine" (default) are the citizens I am
// consultant for; "Alle" everyone's. The company lists are everyone's.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const mine = new URL(request.url).searchParams.get("hvem") !== "alle";
  return json({ mine, lists: await loadWorklist(db, { staffId: user.id, mine }), days: await followUpThresholds(db) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, followUpSchema);
  if (!parsed.success) return parsed.response;
  const result = await markFollowedUp(db, { staffId: user.id, ...parsed.data });
  if (result === "not_found") return badRequest({}, "Rækken findes ikke længere.", 404);
  const back = new URL(request.url).searchParams.get("hvem") === "alle" ? "/opfoelgning?hvem=alle" : "/opfoelgning";
  return redirectWithMessage(back, "fulgt-op");
}

/** Each list's heading, with the thresholds in force. */
function headings(days: FollowUpDays): Record<keyof LoadedWorklist, string> {
  return {
    quiet: `Har ikke logget ind i ${days.quiet} dage`,
    quietLong: `Har ikke logget ind i ${days.quietLong} dage eller mere`,
    invitations: `Har ikke svaret på invitationen efter ${days.invitation} dage`,
    unpublished: `Ingen profil ${days.unpublished} dage efter, kontoen blev oprettet`,
    returned: `Profil sendt tilbage og ikke rettet efter ${days.returned} dage`,
    requests: `Har ikke svaret en virksomhed i ${days.unansweredRequest} dage`,
    interests: `Virksomheden har ikke svaret på en interesse i ${days.unansweredInterest} dage`,
    hires: "Ansættelser, der venter på jeres bekræftelse",
    openings: `Jobopslag uden interesserede efter ${days.quietOpening} dage`,
    companies: `Virksomheder uden jobopslag i ${days.quietCompany} dage`,
  };
}

export default function FollowUp() {
  const { mine, lists, days } = useLoaderData<typeof loader>();
  const titles = headings(days);
  const actionData = useActionData<typeof action>();
  const total = Object.values(lists).reduce((n, l) => n + l.total, 0);
  return (
    <>
      <h1>Opfølgning</h1>
      <p>Borgere og virksomheder, der måske har brug for et opkald. Markér en række som fulgt op, så forsvinder den i {FOLLOW_UP_HIDE_DAYS} dage.</p>
      <nav aria-label="Vis" className="actions">
        {mine ? <strong aria-current="page">Mine borgere</strong> : <Link to="/opfoelgning">Mine borgere</Link>}
        {mine ? <Link to="/opfoelgning?hvem=alle">Alle borgere</Link> : <strong aria-current="page">Alle borgere</strong>}
      </nav>
      <FormError message={actionData?.formError} />
      {total === 0 ? <p>Der er ingen at følge op på lige nu.</p> : null}
      {(Object.keys(titles) as (keyof LoadedWorklist)[]).map((key) => (
        <List key={key} heading={titles[key]} list={lists[key]} mine={mine} />
      ))}
    </>
  );
}

function List({ heading, list, mine }: { heading: string; list: Worklist; mine: boolean }) {
  const id = useId();
  if (list.total === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {heading} ({list.total})
      </h2>
      {list.total > list.rows.length ? <p className="muted">De {list.rows.length} ældste vises.</p> : null}
      <ul className="worklist">
        {list.rows.map((row) => (
          <Row key={`${row.kind}-${row.subject}-${row.since}`} row={row} mine={mine} />
        ))}
      </ul>
    </section>
  );
}

function Row({ row, mine }: { row: WorklistRow; mine: boolean }) {
  return (
    <li className="card">
      <p>
        <Link to={row.link}>{row.who}</Link>: {row.what} {formatDate(row.since)}.
      </p>
      <div className="actions">
        {row.write ? (
          <Link to={row.write} className="button secondary">
            Skriv <span className="visually-hidden">til {row.who}</span>
          </Link>
        ) : null}
        {row.kind === "invitation" && row.userId && row.paperOnly ? (
          <Link to={`/borgere/${row.userId}/brev`}>
            Udskriv invitationen igen <span className="visually-hidden">til {row.who}</span>
          </Link>
        ) : null}
        {row.kind === "invitation" && row.userId && !row.paperOnly ? (
          <Form method="post" action={`/borgere/${row.userId}`}>
            <input type="hidden" name="intent" value="resend" />
            <SubmitButton className="secondary" pendingText="Sender …">
              Send invitationen igen <span className="visually-hidden">til {row.who}</span>
            </SubmitButton>
          </Form>
        ) : null}
        <details>
          <summary>
            Markér som fulgt op <span className="visually-hidden">({row.who})</span>
          </summary>
          <Form method="post" action={`/opfoelgning${mine ? "" : "?hvem=alle"}`} className="stack">
            <input type="hidden" name="kind" value={row.kind} />
            <input type="hidden" name="subject" value={row.subject} />
            <NoteField who={row.who} />
            <div>
              <SubmitButton pendingText="Gemmer …">Gem</SubmitButton>
            </div>
          </Form>
        </details>
      </div>
    </li>
  );
}

function NoteField({ who }: { who: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Note om opfølgningen med {who} (frivilligt)</label>
      <textarea id={id} name="note" rows={2} maxLength={500} />
    </div>
  );
}
