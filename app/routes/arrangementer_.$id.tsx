import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { isStaff, requireUser } from "~/auth/guard.server";
import { FormError, SubmitButton } from "~/components/form";
import { Pager } from "~/components/pager";
import { TableRegion } from "~/components/table-region";
import { getEvent, listEvents, pageOfParticipants, setAttendance, signUp } from "~/events/events.server";
import { cancelEventAndNotify, cancelRegistrationAndNotify } from "~/events/notices.server";
import { audienceLabels, audiencesFor, registrationLabels } from "~/events/options";
import { eventActionSchema } from "~/events/schemas";
import { formatDate, formatTime } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";
import { type Paged, pageParam } from "~/utils/paging";

import { db } from "../../db/client.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.event.title ?? "Arrangement" }];

const notFound = () => httpNotFound("Arrangementet findes ikke.");

// Every signed-in role within the event's audience; staff also see and manage participants.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber", "company", "staff", "admin"] });
  const event = await getEvent(db, Number(params.id));
  if (!event || !audiencesFor(user.role).includes(event.audience)) throw notFound();
  const [item] = await listEvents(db, { role: user.role, userId: user.id, eventId: event.id });
  if (!item) throw notFound();
  const staff = isStaff(user);
  return json({
    event: { ...item, description: event.description, ended: event.endsAt < new Date().toISOString() },
    staff,
    participants: staff ? await pageOfParticipants(db, event.id, pageParam(request.url)) : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber", "company", "staff", "admin"] });
  const event = await getEvent(db, Number(params.id));
  if (!event || !audiencesFor(user.role).includes(event.audience)) throw notFound();
  const parsed = await parseForm(request, eventActionSchema);
  if (!parsed.success) return parsed.response;
  const change = parsed.data;
  const back = `/arrangementer/${event.id}`;
  if (change.intent === "cancel-event" || change.intent === "attendance") {
    if (!isStaff(user)) return badRequest({}, "Det kan kun jobcentret.", 403);
    if (change.intent === "cancel-event") {
      await cancelEventAndNotify(db, event.id);
      return redirectWithMessage(back, "arrangement-aflyst");
    }
    if (!(await setAttendance(db, { eventId: event.id, registrationId: change.registrationId, attended: change.attended === "ja" }))) {
      return badRequest({}, "Deltageren findes ikke.", 404);
    }
    // Back to the page of the list the participant was on.
    const side = pageParam(request.url);
    return redirectWithMessage(side > 1 ? `${back}?side=${side}` : back, "fremmoede-gemt");
  }
  if (isStaff(user)) return badRequest({}, "Medarbejdere tilmelder sig ikke her.", 403);
  if (change.intent === "cancel") {
    await cancelRegistrationAndNotify(db, { eventId: event.id, userId: user.id });
    return redirectWithMessage(back, "afmeldt");
  }
  const result = await signUp(db, { eventId: event.id, userId: user.id, role: user.role });
  if (result === "closed") return badRequest({}, "Tilmeldingen er lukket.", 409);
  if (result === "not_found") throw notFound();
  return redirectWithMessage(back, result === "waitlist" ? "venteliste" : "tilmeldt");
}

export default function EventPage() {
  const { event: e, staff, participants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const mine = e.myStatus ? registrationLabels[e.myStatus] : null;
  return (
    <>
      <p>
        <Link to="/arrangementer">Tilbage til Arrangementer</Link>
      </p>
      <h1>{e.title}</h1>
      {e.cancelledAt ? <p className="notice error">Arrangementet er aflyst.</p> : null}
      <dl className="facts">
        <div>
          <dt>Hvornår</dt>
          <dd>
            {formatDate(e.startsAt)} kl. {formatTime(e.startsAt)}–{formatTime(e.endsAt)}
          </dd>
        </div>
        <div>
          <dt>Hvor</dt>
          <dd>
            {e.place ??
              (e.onlineUrl ? (
                <a href={e.onlineUrl} rel="noopener noreferrer">
                  Online møde
                </a>
              ) : (
                ""
              ))}
          </dd>
        </div>
        <div>
          <dt>Pladser</dt>
          <dd>
            {e.registered} af {e.capacity} er taget{e.waitlist > 0 ? `, ${e.waitlist} på venteliste` : ""}
          </dd>
        </div>
        {e.signupDeadline ? (
          <div>
            <dt>Tilmelding senest</dt>
            <dd>{formatDate(new Date(new Date(e.signupDeadline).getTime() - 1))}</dd>
          </div>
        ) : null}
        {staff ? (
          <div>
            <dt>For</dt>
            <dd>{audienceLabels[e.audience]}</dd>
          </div>
        ) : null}
      </dl>
      <p className="prewrap">{e.description}</p>
      <p>
        <a href={`/arrangementer/${e.id}/kalender.ics`} download>
          Føj til din kalender
        </a>
      </p>
      <FormError message={actionData?.formError} />
      {!staff && !e.cancelledAt && !e.ended ? (
        <Form method="post" className="actions">
          {mine ? <p className="badge">{mine}</p> : null}
          {e.myStatus === "registered" || e.myStatus === "waitlist" ? (
            <SubmitButton name="intent" value="cancel" className="secondary" pendingText="Melder fra …">
              {e.myStatus === "waitlist" ? "Forlad ventelisten" : "Meld fra"}
            </SubmitButton>
          ) : (
            <SubmitButton name="intent" value="signup" pendingText="Tilmelder …">
              {e.registered >= e.capacity ? "Skriv mig på ventelisten" : "Tilmeld mig"}
            </SubmitButton>
          )}
        </Form>
      ) : null}
      {staff && participants ? <StaffTools id={e.id} cancelled={Boolean(e.cancelledAt)} participants={participants} /> : null}
    </>
  );
}

function StaffTools({
  id,
  cancelled,
  participants,
}: {
  id: number;
  cancelled: boolean;
  participants: Paged<{ id: number; name: string; email: string; status: string; attended: number | null; companyName: string | null }> & { registered: number };
}) {
  const { rows, total, registered } = participants;
  return (
    <section aria-labelledby="participants-h">
      <h2 id="participants-h">Deltagere ({registered})</h2>
      <p className="actions">
        <Link to={`/arrangementer/${id}/rediger`}>Ret arrangementet</Link>
        <a href={`/arrangementer/${id}/deltagere.csv`} download>
          Hent deltagerliste (CSV)
        </a>
      </p>
      {total === 0 ? (
        <p>Ingen er tilmeldt endnu.</p>
      ) : (
        <TableRegion caption={`Deltagere og venteliste (${total} i alt)`} head={["Navn", "Status", "Fremmøde"]}>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>
                {p.name}
                {p.companyName ? ` (${p.companyName})` : ""}
                <br />
                <span className="muted">{p.email}</span>
              </td>
              <td>{p.status === "registered" ? "Tilmeldt" : "Venteliste"}</td>
              <td>
                {p.status === "registered" ? (
                  <Form method="post" className="actions">
                    <input type="hidden" name="registrationId" value={p.id} />
                    <input type="hidden" name="intent" value="attendance" />
                    <span>{p.attended === null ? "Ikke markeret" : p.attended ? "Kom" : "Kom ikke"}</span>
                    <button type="submit" name="attended" value="ja" className="secondary">
                      Kom <span className="visually-hidden">: {p.name}</span>
                    </button>
                    <button type="submit" name="attended" value="nej" className="secondary">
                      Kom ikke <span className="visually-hidden">: {p.name}</span>
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </TableRegion>
      )}
      <Pager page={participants.page} pages={participants.pages} />
      {cancelled ? null : (
        <Form method="post">
          <SubmitButton name="intent" value="cancel-event" className="secondary" pendingText="Aflyser …">
            Aflys arrangementet
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}
