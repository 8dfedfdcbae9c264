import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireCompanyUser } from "~/auth/guard.server";
import { CandidateProfile } from "~/components/candidate-profile";
import { FormError, SubmitButton, TextAreaField, useZodForm } from "~/components/form";
import { loadCandidateForCompany } from "~/profiles/candidates.server";
import { refusalText } from "~/profiles/contact.server";
import { sendContactRequestAndNotify } from "~/profiles/notices.server";
import { contactRequestSchema } from "~/profiles/schemas";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.candidate.view.alias : "Kandidat" }];

const notFound = () => httpNotFound("Profilen findes ikke, eller borgeren har sat den på pause.");

// Company users only. The anonymised profile; identity only after the flexjobber said yes.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCompanyUser(request);
  const candidate = await loadCandidateForCompany(db, { alias: params.alias ?? "", companyId: user.companyId, viewerId: user.id });
  if (!candidate) throw notFound();
  return json({ candidate });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCompanyUser(request);
  const parsed = await parseForm(request, contactRequestSchema);
  if (!parsed.success) return parsed.response;
  const alias = params.alias ?? "";
  const result = await sendContactRequestAndNotify(db, { companyId: user.companyId, sentBy: user.id, alias, message: parsed.data.message });
  if (result === "not_found") throw notFound();
  if (result.kind !== "sent") return badRequest({}, refusalText(result), 409);
  return redirectWithMessage(`/kandidater/${encodeURIComponent(alias)}`, "forespoergsel-sendt");
}

export default function Candidate() {
  const { candidate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { view, identity, request } = candidate;
  return (
    <>
      <p>
        <Link to="/kandidater">Tilbage til søgningen</Link>
      </p>
      <h1>{identity ? `${identity.name} (${view.alias})` : view.alias}</h1>
      {identity ? (
        <section aria-labelledby="contact-h" className="card">
          <h2 id="contact-h">Kontakt</h2>
          <p>Borgeren har sagt ja til jeres forespørgsel.</p>
          <dl className="facts">
            <div>
              <dt>Navn</dt>
              <dd>{identity.name}</dd>
            </div>
            <div>
              <dt>E-mail</dt>
              <dd>
                <a href={`mailto:${identity.email}`}>{identity.email}</a>
              </dd>
            </div>
            <div>
              <dt>Telefon</dt>
              <dd>{identity.phone ?? "Ikke oplyst"}</dd>
            </div>
          </dl>
        </section>
      ) : null}
      <CandidateProfile view={view} />
      {request.kind === "none" ? (
        <ContactForm formError={actionData?.formError} errors={actionData?.errors} alias={view.alias} />
      ) : (
        <section aria-labelledby="req-h" className="card">
          <h2 id="req-h">Jeres forespørgsel</h2>
          <FormError message={actionData?.formError} />
          <p>
            {request.kind === "pending"
              ? `Sendt ${formatDate(request.sentAt)}. Borgeren har ikke svaret endnu.`
              : request.kind === "accepted"
                ? "Borgeren har sagt ja."
                : `Borgeren har sagt nej tak. I kan spørge igen fra ${formatDate(request.until)}.`}
          </p>
        </section>
      )}
    </>
  );
}

function ContactForm({ alias, errors, formError }: { alias: string; errors?: Record<string, string>; formError?: string }) {
  const { onSubmit, errorFor, register } = useZodForm(contactRequestSchema, { serverErrors: errors });
  return (
    <section aria-labelledby="ask-h" className="card">
      <h2 id="ask-h">Vil I i kontakt med {alias}?</h2>
      <p>Skriv kort, hvem I er, og hvad I tænker. Borgeren ser jeres virksomheds navn og kan sige ja eller nej.</p>
      <FormError message={formError} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <TextAreaField label="Besked" registration={register("message")} error={errorFor("message")} maxLength={1000} />
        <div>
          <SubmitButton pendingText="Sender …">Send forespørgsel</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
