import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/client.server";
import { requireCompanyAdmin } from "~/auth/guard.server";
import { InviteForm } from "~/components/invite-form";
import { InvitationTable } from "~/components/invitation-table";
import { inviteAndRespond } from "~/users/invite.server";
import { inviteColleagueSchema } from "~/users/schemas";
import { listCompanyUsers, listInvitations } from "~/users/users.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Kolleger" }];

// Company admins only.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCompanyAdmin(request);
  const [colleagues, invitations] = await Promise.all([
    listCompanyUsers(db, user.companyId),
    listInvitations(db, { role: "company", companyId: user.companyId }),
  ]);
  return json({ colleagues, invitations: invitations.filter((i) => i.state !== "used") });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCompanyAdmin(request);
  const parsed = await parseForm(request, inviteColleagueSchema);
  if (!parsed.success) return parsed.response;
  return inviteAndRespond(
    db,
    { ...parsed.data, role: "company", invitedBy: user.id, companyId: user.companyId, isCompanyAdmin: false },
    "/kolleger",
    { inviterMayKnow: false },
  );
}

export default function Colleagues() {
  const { colleagues, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Kolleger</h1>
      <section aria-labelledby="team-h">
        <h2 id="team-h">Brugere i jeres virksomhed</h2>
        <ul>
          {colleagues.map((c) => (
            <li key={c.id}>
              {c.name} ({c.email}){c.isCompanyAdmin ? " – kan invitere kolleger" : ""}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invite-h">
        <h2 id="invite-h">Inviter en kollega</h2>
        <InviteForm schema={inviteColleagueSchema} errors={actionData?.errors} formError={actionData?.formError} />
      </section>
      {invitations.length > 0 ? (
        <section aria-labelledby="pending-h">
          <h2 id="pending-h">Sendte invitationer</h2>
          <InvitationTable rows={invitations} caption="Invitationer til kolleger" />
        </section>
      ) : null}
    </>
  );
}
