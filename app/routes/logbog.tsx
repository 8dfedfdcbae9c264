import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { listAudit } from "~/audit/audit.server";
import { requireUser } from "~/auth/guard.server";
import { Pager } from "~/components/pager";
import { TableRegion } from "~/components/table-region";
import { formatDate, formatTime } from "~/utils/dates";
import { pageParam } from "~/utils/paging";

import { db } from "../../db/client.server";
import type { AuditAction } from "../../db/schema";

export const meta: MetaFunction = () => [{ title: "Logbog" }];

const actionLabels: Record<AuditAction, string> = {
  profile_viewed_by_staff: "Så borgerens profil",
  account_erased: "Slettede borgerens konto og oplysninger",
  colleague_removed: "Fjernede en kollegas konto",
  thread_read_by_consultant: "Læste en samtale som jobkonsulent",
  identity_link_refused: "Afviste et login udefra, der ikke er knyttet til kontoen",
  followed_up: "Fulgte op på borgeren",
  profile_assist_started: "Begyndte at udfylde profilen sammen med borgeren",
  profile_edited_by_staff: "Ændrede borgerens profil sammen med borgeren",
  job_run_by_hand: "Startede et fast job i hånden (Drift)",
};

// Admins only: who at the jobcenter looked at whose profile.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  return json({ entries: await listAudit(db, pageParam(request.url)) });
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Logbog</h1>
      <p>Hver gang en medarbejder åbner en borgers profil, bliver det skrevet her. De nyeste står øverst.</p>
      {entries.total === 0 ? (
        <p>Logbogen er tom.</p>
      ) : (
        <TableRegion caption={`Logbog (${entries.total}), side ${entries.page} af ${entries.pages}`} head={["Tidspunkt", "Medarbejder", "Handling", "Person"]}>
          {entries.rows.map((e) => (
            <tr key={e.id}>
              <td>
                {formatDate(e.createdAt)} kl. {formatTime(e.createdAt)}
              </td>
              <td>{e.actorName ?? (e.actorId === null && e.action === "identity_link_refused" ? "Ukendt person" : "Slettet bruger")}</td>
              <td>{actionLabels[e.action]}</td>
              <td>{e.subjectName ?? (e.subjectUserId === null ? "–" : "Slettet bruger")}</td>
            </tr>
          ))}
        </TableRegion>
      )}
      <Pager page={entries.page} pages={entries.pages} />
    </>
  );
}
