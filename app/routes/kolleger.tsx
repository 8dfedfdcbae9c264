import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireCompanyAdmin } from "~/auth/guard.server";
import { CheckboxField, FormError, SubmitButton, useZodForm } from "~/components/form";
import { InvitationTable } from "~/components/invitation-table";
import { InviteForm } from "~/components/invite-form";
import { eraseUser } from "~/privacy/erasure.server";
import { removeColleagueSchema } from "~/privacy/schemas";
import { inviteAndRespond } from "~/users/invite.server";
import { inviteColleagueSchema } from "~/users/schemas";
import { listCompanyUsers, listInvitations } from "~/users/users.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseFormData, readFormData } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Kolleger" }];

// Company admins only.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCompanyAdmin(request);
  const [colleagues, invitations] = await Promise.all([listCompanyUsers(db, user.companyId), listInvitations(db, { role: "company", companyId: user.companyId })]);
  // "Fjern" asks first, on the page itself (works without JavaScript).
  const removeId = new URL(request.url).searchParams.get("fjern");
  const toRemove = colleagues.find((c) => c.id === removeId && c.id !== user.id);
  return json({
    me: user.id,
    colleagues,
    invitations: invitations.filter((i) => i.state !== "used"),
    toRemove: toRemove ? { id: toRemove.id, name: toRemove.name } : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCompanyAdmin(request);
  const formData = await readFormData(request);
  if (formData.get("intent") === "remove") {
    const removal = parseFormData(formData, removeColleagueSchema);
    if (!removal.success) return removal.response;
    const colleague = (await listCompanyUsers(db, user.companyId)).find((c) => c.id === removal.data.userId);
    if (!colleague || colleague.id === user.id) return badRequest({}, "Kollegaen findes ikke i jeres virksomhed. Din egen konto sletter du under Mine data.", 404);
    await eraseUser(db, colleague.id, new Date(), { actorId: user.id, action: "colleague_removed" });
    return redirectWithMessage("/kolleger", "kollega-fjernet");
  }
  const parsed = parseFormData(formData, inviteColleagueSchema);
  if (!parsed.success) return parsed.response;
  return inviteAndRespond(db, { ...parsed.data, role: "company", invitedBy: user.id, companyId: user.companyId, isCompanyAdmin: false }, "/kolleger", { inviterMayKnow: false });
}

export default function Colleagues() {
  const { me, colleagues, invitations, toRemove } = useLoaderData<typeof loader>();
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
              {c.id !== me ? (
                <>
                  {" "}
                  <Link to={`/kolleger?fjern=${encodeURIComponent(c.id)}#fjern-h`}>
                    Fjern <span className="visually-hidden">{c.name}</span>
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {toRemove ? <RemoveColleague id={toRemove.id} name={toRemove.name} /> : null}
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

function RemoveColleague({ id, name }: { id: string; name: string }) {
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(removeColleagueSchema, {
    serverErrors: actionData?.errors,
    defaultValues: { intent: "remove", userId: id },
  });
  return (
    <section aria-labelledby="fjern-h" className="card">
      <h2 id="fjern-h">Fjern {name}</h2>
      <p>Kontoen slettes med det samme, og {name} kan ikke længere logge ind. Navn, e-mail og telefonnummer slettes.</p>
      <Form method="post" action="/kolleger" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="userId" value={id} />
        <CheckboxField label={`Ja, fjern ${name}.`} registration={register("confirm")} error={errorFor("confirm")} />
        <FormError message={actionData?.formError} />
        <div className="actions">
          <SubmitButton className="danger" pendingText="Fjerner …">
            Fjern {name}
          </SubmitButton>
          <Link to="/kolleger">Fortryd</Link>
        </div>
      </Form>
    </section>
  );
}
