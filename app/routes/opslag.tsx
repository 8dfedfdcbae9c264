import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireCompanyUser } from "~/auth/guard.server";
import { Pager } from "~/components/pager";
import { TableRegion } from "~/components/table-region";
import { listCompanyOpenings } from "~/openings/openings.server";
import { openingStatusLabels } from "~/openings/options";
import { formatDate } from "~/utils/dates";
import { pageParam } from "~/utils/paging";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Opslag" }];

// Company users only: their own company's openings.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCompanyUser(request);
  return json({ openings: await listCompanyOpenings(db, user.companyId, pageParam(request.url)) });
}

export default function Openings() {
  const { openings } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Opslag</h1>
      <p>
        <Link to="/opslag/ny" className="button">
          Nyt opslag
        </Link>
      </p>
      {openings.total === 0 ? (
        <p>I har ingen opslag endnu. Et opslag er først synligt for fleksjobberne, når I slår det op.</p>
      ) : (
        <TableRegion caption={`Jeres opslag (${openings.total}), side ${openings.page} af ${openings.pages}`} head={["Titel", "Status", "Interesserede", "Frist"]}>
          {openings.rows.map((o) => (
            <tr key={o.id}>
              <td>
                <Link to={`/opslag/${o.id}`}>{o.title}</Link>
              </td>
              <td>
                <span className="badge">{openingStatusLabels[o.status]}</span>
              </td>
              <td>
                {o.interests}
                {(o.newInterests ?? 0) > 0 ? ` (${o.newInterests} nye)` : ""}
              </td>
              <td>{o.deadline ? formatDate(o.deadline) : "Ingen"}</td>
            </tr>
          ))}
        </TableRegion>
      )}
      <Pager page={openings.page} pages={openings.pages} />
    </>
  );
}
