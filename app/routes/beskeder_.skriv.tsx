import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { FormError, SubmitButton, TextAreaField, TextField, useZodForm } from "~/components/form";
import { FOLLOW_UP_KINDS } from "~/follow-up/schemas";
import { followUpTemplate } from "~/follow-up/templates";
import { startStaffThreadAndNotify } from "~/messages/notices.server";
import { MESSAGE_MAX, staffThreadSchema } from "~/messages/schemas";
import { viewerOf } from "~/messages/viewer.server";
import { LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Skriv en besked" }];

const notFound = () => httpNotFound("Borgeren eller virksomheden findes ikke.");

/** Who ?til=<citizen> or ?virksomhed=<company> names, if they can be written to. */
async function recipient(url: URL) {
  const til = url.searchParams.get("til");
  const company = Number(url.searchParams.get("virksomhed"));
  if (til) {
    const u = await db.selectFrom("users").select(["id", "name"]).where("id", "=", til).where("role", "=", "flexjobber").where("status", "=", "active").executeTakeFirst();
    return u ? { til: u.id, name: u.name } : null;
  }
  if (Number.isInteger(company) && company > 0) {
    const c = await db.selectFrom("companies").select(["id", "name"]).where("id", "=", company).where("status", "=", "approved").executeTakeFirst();
    return c ? { virksomhed: String(c.id), name: c.name } : null;
  }
  return null;
}

// Staff and admins: a message to a citizen (her conversation with her consultant) or to a company.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const url = new URL(request.url);
  const to = await recipient(url);
  if (!to) throw notFound();
  const kind = FOLLOW_UP_KINDS.find((k) => k === url.searchParams.get("skabelon")) ?? null;
  return json({ to, template: followUpTemplate(kind, to.name) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, staffThreadSchema);
  if (!parsed.success) return parsed.response;
  const { til, virksomhed, subject, body } = parsed.data;
  await reserveAttempt([{ limit: LIMITS.messages, key: user.id }]);
  const id = await startStaffThreadAndNotify(db, viewerOf(user), til ? { citizenId: til } : { companyId: virksomhed! }, { subject, body });
  if (id === null) return badRequest({}, "Borgeren eller virksomheden findes ikke.", 404);
  return redirectWithMessage(`/beskeder/${id}`, "besked-sendt");
}

export default function StaffMessage() {
  const { to, template } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(staffThreadSchema, { serverErrors: actionData?.errors, defaultValues: { ...template, ...to } });
  return (
    <>
      <p>
        <Link to="/opfoelgning">Tilbage til Opfølgning</Link>
      </p>
      <h1>Skriv til {to.name}</h1>
      <p>Beskeden kommer i Beskeder{"til" in to ? " som en samtale med dig som jobkonsulent" : " hos virksomheden"}. Ret den, så den passer.</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {"til" in to ? <input type="hidden" name="til" value={to.til} /> : <input type="hidden" name="virksomhed" value={to.virksomhed} />}
        <TextField label="Emne" registration={register("subject")} error={errorFor("subject")} maxLength={120} defaultValue={template.subject} />
        <TextAreaField label="Besked" registration={register("body")} error={errorFor("body")} maxLength={MESSAGE_MAX} defaultValue={template.body} />
        <div>
          <SubmitButton pendingText="Sender …">Send</SubmitButton>
        </div>
      </Form>
    </>
  );
}
