import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { getEvent, listParticipants } from "~/events/events.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

// Staff and admins: the participant list as CSV.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const event = await getEvent(db, Number(params.id));
  if (!event) throw httpNotFound("Arrangementet findes ikke.");
  const rows = await listParticipants(db, event.id);
  const attended = (a: number | null) => (a === null ? "" : a ? "ja" : "nej");
  const csv = toCsv(
    ["Navn", "E-mail", "Virksomhed", "Status", "Fremmøde"],
    rows.map((r) => [r.name, r.email, r.companyName ?? "", r.status === "registered" ? "Tilmeldt" : "Venteliste", attended(r.attended)]),
  );
  return csvResponse(csv, `deltagere-${event.id}.csv`);
}
