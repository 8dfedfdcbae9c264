import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guard.server";
import { appUrl } from "~/env.server";
import { getEvent } from "~/events/events.server";
import { eventToIcs } from "~/events/ics";
import { audiencesFor } from "~/events/options";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

// Every signed-in role within the event's audience: the event as an .ics file.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber", "company", "staff", "admin"] });
  const event = await getEvent(db, Number(params.id));
  if (!event || !audiencesFor(user.role).includes(event.audience)) throw httpNotFound("Arrangementet findes ikke.");
  const url = `${appUrl()}/arrangementer/${event.id}`;
  return new Response(eventToIcs(event, { url, host: new URL(appUrl()).host }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="arrangement-${event.id}.ics"`,
    },
  });
}
