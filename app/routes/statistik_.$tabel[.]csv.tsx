import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { runRead } from "~/readers/pool.server";
import { PERIOD_TOO_SHORT, periodTooShort, TABLE_KEYS, tableCsv, type TableKey } from "~/stats/dashboard.server";
import { dashboardSchema } from "~/stats/schemas";
import { csvResponse } from "~/utils/csv";
import { formDataToObject } from "~/utils/forms.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

// Staff and admins: one of the dashboard's tables as CSV, for the same choices as the page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const key = params.tabel as TableKey;
  if (!TABLE_KEYS.includes(key)) throw httpNotFound("Tabellen findes ikke.");
  const url = new URL(request.url);
  const parsed = dashboardSchema.safeParse(formDataToObject(url.searchParams));
  if (!parsed.success) throw new Response("Ugyldig dato.", { status: 400 });
  const isAdmin = user.role === "admin";
  if (periodTooShort({ from: parsed.data.fra, to: parsed.data.til }, isAdmin)) throw new Response(PERIOD_TOO_SHORT, { status: 400 });
  const d = await runRead("loadDashboard", {
    reference: parsed.data.dato,
    window: parsed.data.vindue,
    from: parsed.data.fra,
    to: parsed.data.til,
    baseline: parsed.data.basis,
    effect: key.startsWith("effekt"),
  });
  return csvResponse(tableCsv(d, key, isAdmin), `${key}-${d.reference}.csv`);
}
