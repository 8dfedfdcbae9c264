import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guard.server";
import { InvitationTable } from "~/components/invitation-table";
import { InviteForm } from "~/components/invite-form";
import { inviteAndRespond } from "~/users/invite.server";
import { roleLabels } from "~/users/roles";
import { inviteStaffSchema } from "~/users/schemas";
import { listInvitations, listStaff } from "~/users/users.server";
import { parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Medarbejdere" }];

// Admins only: staff accounts are created here.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const [staff, staffInvites, adminInvites] = await Promise.all([listStaff(db), listInvitations(db, { role: "staff" }), listInvitations(db, { role: "admin" })]);
  const invitations = [...staffInvites, ...adminInvites].filter((i) => i.state !== "used").sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return json({ staff, invitations });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin"] });
  const parsed = await parseForm(request, inviteStaffSchema);
  if (!parsed.success) return parsed.response;
  return inviteAndRespond(db, { ...parsed.data, invitedBy: user.id }, "/medarbejdere", { inviterMayKnow: true });
}

export default function Staff() {
  const { staff, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Medarbejdere</h1>
      <section aria-labelledby="staff-h">
        <h2 id="staff-h">Medarbejdere med adgang</h2>
        <ul>
          {staff.map((s) => (
            <li key={s.id}>
              {s.name} – {roleLabels[s.role]}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invite-h">
        <h2 id="invite-h">Opret en medarbejder</h2>
        <p>Medarbejderen får en e-mail med et link og vælger selv sin adgangskode.</p>
        <InviteForm
          schema={inviteStaffSchema}
          errors={actionData?.errors}
          formError={actionData?.formError}
          select={{
            name: "role",
            label: "Rolle",
            defaultValue: "staff",
            options: [
              { value: "staff", label: roleLabels.staff },
              { value: "admin", label: roleLabels.admin },
            ],
          }}
        />
      </section>
      {invitations.length > 0 ? (
        <section aria-labelledby="pending-h">
          <h2 id="pending-h">Sendte invitationer</h2>
          <InvitationTable rows={invitations} caption="Invitationer til medarbejdere" />
        </section>
      ) : null}
    </>
  );
}
