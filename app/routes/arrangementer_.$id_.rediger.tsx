import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { EventForm } from "~/components/event-form";
import { getEvent } from "~/events/events.server";
import { updateEventAndNotify } from "~/events/notices.server";
import { eventSchema } from "~/events/schemas";
import { addDays, localParts } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Ret arrangement" }];

// Staff and admins.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const event = await getEvent(db, Number(params.id));
  if (!event) throw httpNotFound("Arrangementet findes ikke.");
  const start = localParts(event.startsAt);
  return json({
    id: event.id,
    stored: {
      title: event.title,
      description: event.description,
      day: start.day,
      startTime: start.time,
      endTime: localParts(event.endsAt).time,
      place: event.place ?? "",
      onlineUrl: event.onlineUrl ?? "",
      audience: event.audience,
      capacity: String(event.capacity),
      // Stored as the instant sign-up closes (midnight after the chosen day).
      signupDeadline: event.signupDeadline ? addDays(localParts(event.signupDeadline).day, -1) : "",
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const event = await getEvent(db, Number(params.id));
  if (!event) throw httpNotFound("Arrangementet findes ikke.");
  const parsed = await parseForm(request, eventSchema);
  if (!parsed.success) return parsed.response;
  await updateEventAndNotify(db, event.id, parsed.data);
  return redirectWithMessage(`/arrangementer/${event.id}`, "arrangement-gemt");
}

export default function EditEvent() {
  const { id, stored } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/arrangementer/${id}`}>Tilbage til arrangementet</Link>
      </p>
      <h1>Ret arrangement</h1>
      <EventForm stored={stored} failure={failure} submitLabel="Gem" />
    </>
  );
}
