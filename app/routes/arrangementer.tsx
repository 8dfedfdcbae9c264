import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { isStaff, requireUser } from "~/auth/guard.server";
import { listEvents } from "~/events/events.server";
import { audienceLabels, registrationLabels } from "~/events/options";
import { formatDate, formatTime } from "~/utils/dates";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Arrangementer" }];

// Every signed-in role; each sees the events for its audience (staff see all).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber", "company", "staff", "admin"] });
  const staff = isStaff(user);
  return json({
    events: await listEvents(db, { role: user.role, userId: user.id }),
    past: staff ? await listEvents(db, { role: user.role, userId: user.id, past: true }) : [],
    staff,
  });
}

export default function Events() {
  const { events, past, staff } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Arrangementer</h1>
      {staff ? (
        <p>
          <Link to="/arrangementer/ny" className="button">
            Nyt arrangement
          </Link>
        </p>
      ) : (
        <p>Mød andre fleksjobbere og virksomheder. Tilmeld dig her.</p>
      )}
      {events.length === 0 ? <p>Der er ingen arrangementer lige nu.</p> : null}
      {events.map((e) => {
        const mine = e.myStatus ? registrationLabels[e.myStatus] : null;
        return (
          <article key={e.id} className="card" aria-labelledby={`event-${e.id}`}>
            <h2 id={`event-${e.id}`}>
              <Link to={`/arrangementer/${e.id}`}>{e.title}</Link>
            </h2>
            <p>
              {formatDate(e.startsAt)} kl. {formatTime(e.startsAt)}–{formatTime(e.endsAt)} · {e.place ?? "Online"}
            </p>
            <p className="muted">
              {e.cancelledAt ? <strong>Aflyst. </strong> : null}
              {e.registered} af {e.capacity} pladser er taget
              {e.waitlist > 0 ? `, ${e.waitlist} på venteliste` : ""}
              {staff ? ` · For: ${audienceLabels[e.audience]}` : ""}
            </p>
            {mine ? <p className="badge">{mine}</p> : null}
          </article>
        );
      })}
      {staff && past.length > 0 ? (
        <section aria-labelledby="past-h">
          <h2 id="past-h">Tidligere arrangementer</h2>
          <p>Registrér, hvem der kom. Det tæller med i statistikken.</p>
          <ul className="term-list">
            {past.map((e) => (
              <li key={e.id}>
                <span>
                  <Link to={`/arrangementer/${e.id}`}>{e.title}</Link> · {formatDate(e.startsAt)}
                  {e.cancelledAt ? " · Aflyst" : ` · fremmøde registreret for ${e.marked} af ${e.registered}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
