import type { InvitationState } from "~/auth/invitations.server";
import { formatDate } from "~/utils/dates";

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

export function InvitationTable({ rows, caption, showConsultant = false }: {
  rows: InvitationRowView[];
  caption: string;
  showConsultant?: boolean;
}) {
  if (rows.length === 0) return <p>Ingen invitationer endnu.</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">E-mail</th>
            {showConsultant ? <th scope="col">Rådgiver</th> : null}
            <th scope="col">Status</th>
            <th scope="col">Sendt</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
