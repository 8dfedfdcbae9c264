import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "../../db/client.server";
import type { AuditAction } from "../../db/schema";
import { requireUser } from "~/auth/guard.server";
import { TableRegion } from "~/components/table-region";
import { listAudit } from "~/audit/audit.server";
import { formatDate, formatTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Logbog" }];

const actionLabels: Record<AuditAction, string> = {
  profile_viewed_by_staff: "Så borgerens profil",
  account_erased: "Slettede borgerens konto og oplysninger",
  colleague_removed: "Fjernede en kollegas konto",
  thread_read_by_consultant: "Læste en samtale som jobkonsulent",
  identity_link_refused: "Afviste et login udefra, der ikke er knyttet til kontoen",
};

// Admins only: who at the jobcenter looked at whose profile.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  return json({ entries: await listAudit(db) });
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Logbog</h1>
      <p>Hver gang en medarbejder åbner en borgers profil, bliver det skrevet her. De nyeste 200 står øverst.</p>
      {entries.length === 0 ? (
        <p>Logbogen er tom.</p>
      ) : (
        <TableRegion caption="Logbog over opslag på borgeres profiler" head={["Tidspunkt", "Medarbejder", "Handling", "Borger"]}>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                {formatDate(e.createdAt)} kl. {formatTime(e.createdAt)}
              </td>
              <td>{e.actorName ?? (e.actorId === null && e.action === "identity_link_refused" ? "Ukendt person" : "Slettet bruger")}</td>
              <td>{actionLabels[e.action]}</td>
              <td>{e.subjectName ?? "Slettet bruger"}</td>
            </tr>
          ))}
        </TableRegion>
      )}
    </>
  );
}
