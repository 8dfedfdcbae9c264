import type { InvitationState } from "~/auth/invitations.server";
import { formatDate } from "~/utils/dates";

import { TableRegion } from "./table-region";

export const invitationStateLabels: Record<InvitationState, string> = {
  open: "Venter på svar",
  used: "Konto oprettet",
  expired: "Udløbet",
  revoked: "Trukket tilbage",
};

export interface InvitationRowView {
  id: number;
  name: string;
  email: string;
  state: InvitationState;
  createdAt: string;
  consultantName?: string | null;
}

export function InvitationTable({ rows, caption, showConsultant = false }: { rows: InvitationRowView[]; caption: string; showConsultant?: boolean }) {
  if (rows.length === 0) return <p>Ingen invitationer endnu.</p>;
  return (
    <TableRegion caption={caption} head={["Navn", "E-mail", ...(showConsultant ? ["Jobkonsulent"] : []), "Status", "Sendt"]}>
      {rows.map((r) => (
        <tr key={r.id}>
          <td>{r.name}</td>
          <td>{r.email}</td>
          {showConsultant ? <td>{r.consultantName ?? "–"}</td> : null}
          <td>
            <span className="badge">{invitationStateLabels[r.state]}</span>
          </td>
          <td>{formatDate(r.createdAt)}</td>
        </tr>
      ))}
    </TableRegion>
  );
}
