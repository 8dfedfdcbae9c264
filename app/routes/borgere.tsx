import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/client.server";
import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { InviteForm } from "~/components/invite-form";
import { InvitationTable } from "~/components/invitation-table";
import { inviteAndRespond } from "~/users/invite.server";
import { inviteFlexjobberSchema } from "~/users/schemas";
import { listFlexjobbers, listInvitations, listStaff } from "~/users/users.server";
import { Link } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import { profileStatusLabels } from "~/profiles/options";
import { badRequest, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Borgere" }];

// Staff and admins.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const [invitations, staff, flexjobbers] = await Promise.all([
    listInvitations(db, { role: "flexjobber" }),
    listStaff(db),
    listFlexjobbers(db),
  ]);
  return json({ invitations, staff, flexjobbers, me: user.id });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, inviteFlexjobberSchema);
  if (!parsed.success) return parsed.response;
  const { name, email, consultantId } = parsed.data;
  if (consultantId && !(await listStaff(db)).some((s) => s.id === consultantId)) {
    return badRequest({ consultantId: "Vælg en rådgiver fra listen." });
  }
  return inviteAndRespond(db, { name, email, role: "flexjobber", invitedBy: user.id, consultantId }, "/borgere");
}

export default function Citizens() {
  const { invitations, staff, flexjobbers, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Borgere</h1>
      <section aria-labelledby="invite-h">
        <h2 id="invite-h">Inviter en fleksjobber</h2>
        <p>Borgeren får en e-mail med et link. Linket virker i 14 dage.</p>
        <InviteForm
          schema={inviteFlexjobberSchema}
          errors={actionData?.errors}
          formError={actionData?.formError}
          select={{
            name: "consultantId",
            label: "Rådgiver (frivilligt)",
            defaultValue: me,
            options: [{ value: "", label: "Ingen rådgiver" }, ...staff.map((s) => ({ value: s.id, label: s.name }))],
          }}
        />
      </section>
      <section aria-labelledby="people-h">
        <h2 id="people-h">Fleksjobbere med konto</h2>
        {flexjobbers.length === 0 ? (
          <p>Ingen har oprettet en konto endnu.</p>
        ) : (
          <TableRegion caption="Fleksjobbere med konto" head={["Navn", "Rådgiver", "Profil"]}>
            {flexjobbers.map((f) => (
              <tr key={f.id}>
                <td>
                  {f.profileStatus ? <Link to={`/borgere/${f.id}`}>{f.name}</Link> : f.name}
                  <br />
                  <span className="muted">{f.email}</span>
                </td>
                <td>{f.consultantName ?? "–"}</td>
                <td>
                  {f.profileStatus ? profileStatusLabels[f.profileStatus] : "Ingen profil endnu"}
                  {f.hidden ? " (på pause)" : ""}
                </td>
              </tr>
            ))}
          </TableRegion>
        )}
      </section>
      <section aria-labelledby="list-h">
        <h2 id="list-h">Invitationer</h2>
        <InvitationTable rows={invitations} caption="Invitationer til fleksjobbere" showConsultant />
      </section>
    </>
  );
}
