import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guard.server";
import { exportUserData } from "~/privacy/export.server";
import { localDate } from "~/utils/dates";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

// Every signed-in user: "Hent mine data" (GDPR art. 15 and 20), their own data only.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await exportUserData(db, user.id);
  if (!data) throw httpNotFound("Kontoen findes ikke.");
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mine-data-${localDate()}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
