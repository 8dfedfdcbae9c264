import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { emptyEvent, EventForm } from "~/components/event-form";
import { createEvent } from "~/events/events.server";
import { eventSchema } from "~/events/schemas";
import { localDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, echoValues, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Nyt arrangement" }];

// Staff and admins.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  return json(null);
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, eventSchema);
  if (!parsed.success) return parsed.response;
  if (parsed.data.day < localDate()) return badRequest({ day: "Datoen er allerede passeret." }, undefined, 400, echoValues(parsed.formData));
  const id = await createEvent(db, parsed.data, staff.id);
  return redirectWithMessage(`/arrangementer/${id}`, "arrangement-gemt");
}

export default function NewEvent() {
  const failure = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/arrangementer">Tilbage til Arrangementer</Link>
      </p>
      <h1>Nyt arrangement</h1>
      <EventForm stored={emptyEvent} failure={failure} submitLabel="Opret arrangement" />
    </>
  );
}
