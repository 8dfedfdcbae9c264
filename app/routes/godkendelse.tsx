import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { TableRegion } from "~/components/table-region";
import { listProfilesToReview } from "~/profiles/review.server";
import { formatDate } from "~/utils/dates";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Profiler til godkendelse" }];

// Staff and admins.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  return json({ profiles: await listProfilesToReview(db) });
}

export default function ReviewQueue() {
  const { profiles } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Profiler til godkendelse</h1>
      <p>Læs profilen igennem, og godkend den eller send den tilbage med en begrundelse. Målet er svar inden for 3 hverdage.</p>
      {profiles.length === 0 ? (
        <p>Der er ingen profiler, der venter.</p>
      ) : (
        <TableRegion caption="Profiler der venter på godkendelse" head={["Borger", "Overskrift", "Sendt"]}>
          {profiles.map((p) => (
            <tr key={p.userId}>
              <td>
                <Link to={`/borgere/${p.userId}`}>{p.name}</Link>
                <br />
                <span className="muted">{p.alias}</span>
              </td>
              <td>{p.headline ?? "–"}</td>
              <td>
                {p.submittedAt ? formatDate(p.submittedAt) : "–"}
                {p.overdue ? (
                  <>
                    {" "}
                    <span className="badge warn">Over 3 hverdage</span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </TableRegion>
      )}
    </>
  );
}
