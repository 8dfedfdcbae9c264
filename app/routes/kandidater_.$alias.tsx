import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireCompanyUser } from "~/auth/guard.server";
import { CandidateProfile } from "~/components/candidate-profile";
import { FormError, SelectField, SubmitButton, TextAreaField, useZodForm } from "~/components/form";
import { publishedOpeningChoices } from "~/openings/openings.server";
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
  const openings = candidate.request.kind === "none" ? await publishedOpeningChoices(db, user.companyId) : [];
  // From an opening's recommended candidates (?opslag=…) the request is about that opening.
  const fromOpening = Number(new URL(request.url).searchParams.get("opslag"));
  return json({ candidate, openings, chosenOpening: openings.some((o) => o.id === fromOpening) ? String(fromOpening) : "" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCompanyUser(request);
  const parsed = await parseForm(request, contactRequestSchema);
  if (!parsed.success) return parsed.response;
  const alias = params.alias ?? "";
  const result = await sendContactRequestAndNotify(db, { companyId: user.companyId, sentBy: user.id, alias, message: parsed.data.message, openingId: parsed.data.opening });
  if (result === "not_found") throw notFound();
  if (result.kind === "no_opening") return badRequest({ opening: refusalText(result) });
  if (result.kind !== "sent") return badRequest({}, refusalText(result), 409);
  return redirectWithMessage(`/kandidater/${encodeURIComponent(alias)}`, "forespoergsel-sendt");
}

export default function Candidate() {
  const { candidate, openings, chosenOpening } = useLoaderData<typeof loader>();
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
        <ContactForm formError={actionData?.formError} errors={actionData?.errors} alias={view.alias} openings={openings} chosenOpening={chosenOpening} />
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

function ContactForm({
  alias,
  errors,
  formError,
  openings,
  chosenOpening,
}: {
  alias: string;
  errors?: Record<string, string>;
  formError?: string;
  openings: { id: number; title: string }[];
  chosenOpening: string;
}) {
  const { onSubmit, errorFor, register } = useZodForm(contactRequestSchema, { serverErrors: errors, defaultValues: { opening: chosenOpening } });
  return (
    <section aria-labelledby="ask-h" className="card">
      <h2 id="ask-h">Vil I i kontakt med {alias}?</h2>
      <p>Skriv kort, hvem I er, og hvad I tænker. Borgeren ser jeres virksomheds navn og kan sige ja eller nej.</p>
      <FormError message={formError} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {openings.length > 0 ? (
          <SelectField
            label="Hvilket job handler det om?"
            hint="Borgeren ser jobbet sammen med jeres forespørgsel."
            registration={register("opening")}
            error={errorFor("opening")}
            defaultValue={chosenOpening}
            options={[{ value: "", label: "Intet bestemt job" }, ...openings.map((o) => ({ value: String(o.id), label: o.title }))]}
          />
        ) : null}
        <TextAreaField label="Besked" registration={register("message")} error={errorFor("message")} maxLength={1000} />
        <div>
          <SubmitButton pendingText="Sender …">Send forespørgsel</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
