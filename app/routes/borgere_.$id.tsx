import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/client.server";
import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { CandidateProfile } from "~/components/candidate-profile";
import { SubmitButton, TextAreaField, useZodForm } from "~/components/form";
import { loadProfileForStaff } from "~/profiles/candidates.server";
import { toCompanyView } from "~/profiles/company-view";
import { profileStatusLabels } from "~/profiles/options";
import { noticeProfileReviewed } from "~/profiles/notices.server";
import { approveProfile, returnProfile } from "~/profiles/review.server";
import { reviewSchema } from "~/profiles/schemas";
import { employmentHistory } from "~/employment/employment.server";
import { employmentStatusLabels } from "~/employment/options";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Borgerens profil" }];

const returnSchema = reviewSchema.options[1];

// Staff and admins: the whole profile with identity. Every look is written to the audit log.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireUser(request, { roles: STAFF_ROLES });
  const page = await loadProfileForStaff(db, { userId: params.id ?? "", staffId: staff.id });
  if (!page) throw new Response("Borgeren findes ikke eller har ingen profil endnu.", { status: 404 });
  const { details, person } = page;
  return json({
    userId: details.profile.userId,
    person,
    status: details.profile.status,
    hidden: details.profile.hidden === 1,
    submittedAt: details.profile.submittedAt,
    returnReason: details.profile.returnReason,
    birthDate: details.profile.birthDate,
    postcode: details.profile.postcode,
    // Staff also see skånebehov the citizen keeps to themself.
    privateAccommodations: details.accommodations.filter((a) => a.visibleToCompanies !== 1 || !details.healthConsent).map((a) => a.label),
    view: toCompanyView(details),
    employment: await employmentHistory(db, details.profile.userId),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, reviewSchema);
  if (!parsed.success) return parsed.response;
  const review = parsed.data;
  const userId = params.id ?? "";
  if (review.userId !== userId) return badRequest({}, "Siden passer ikke til profilen. Prøv igen.");
  const done =
    review.intent === "approve"
      ? await approveProfile(db, { userId, staffId: staff.id })
      : await returnProfile(db, { userId, reason: review.reason });
  if (!done) return badRequest({}, "Profilen venter ikke længere på godkendelse.", 409);
  await noticeProfileReviewed(db, userId);
  return redirectWithMessage("/godkendelse", review.intent === "approve" ? "profil-godkendt" : "profil-retur");
}

export default function CitizenProfile() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(returnSchema, {
    serverErrors: actionData?.errors,
    defaultValues: { intent: "return", userId: data.userId },
  });
  return (
    <>
      <p>
        <Link to="/borgere">Tilbage til Borgere</Link>
      </p>
      <h1>{data.person.name}</h1>
      <p className="muted">Du kan se borgerens navn, fordi du er ansat i jobcentret. Dit opslag bliver skrevet i logbogen.</p>
      <dl className="facts card">
        <div>
          <dt>E-mail</dt>
          <dd>{data.person.email}</dd>
        </div>
        <div>
          <dt>Telefon</dt>
          <dd>{data.person.phone ?? "Ikke oplyst"}</dd>
        </div>
        <div>
          <dt>Fødselsdato</dt>
          <dd>{data.birthDate ? formatDate(data.birthDate) : "Ikke oplyst"}</dd>
        </div>
        <div>
          <dt>Rådgiver</dt>
          <dd>{data.person.consultantName ?? "Ingen"}</dd>
        </div>
        <div>
          <dt>Profil</dt>
          <dd>
            {profileStatusLabels[data.status]}
            {data.hidden ? " (på pause)" : ""}
          </dd>
        </div>
        <div>
          <dt>Alias</dt>
          <dd>{data.view.alias}</dd>
        </div>
        <div>
          <dt>Beskæftigelse</dt>
          <dd>{data.employment[0] ? `${employmentStatusLabels[data.employment[0].status]} fra ${formatDate(data.employment[0].fromDate)}` : "Ikke registreret"}</dd>
        </div>
      </dl>
      {data.employment.length > 1 ? (
        <details>
          <summary>Tidligere beskæftigelse</summary>
          <ul>
            {data.employment.slice(1).map((e) => (
              <li key={e.id}>
                {employmentStatusLabels[e.status]} fra {formatDate(e.fromDate)}
                {e.source === "platform" ? " (ansat via platformen)" : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {data.status === "pending" ? (
        <section aria-labelledby="review-h" className="card">
          <h2 id="review-h">Godkend profilen</h2>
          {actionData?.formError ? <p className="field-error">{actionData.formError}</p> : null}
          <p>Sendt {data.submittedAt ? formatDate(data.submittedAt) : ""}. Tjek at profilen ikke afslører navn, adresse eller diagnoser.</p>
          <Form method="post" className="actions">
            <input type="hidden" name="userId" value={data.userId} />
            <SubmitButton name="intent" value="approve" pendingText="Godkender …">
              Godkend
            </SubmitButton>
          </Form>
          <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
            <input type="hidden" name="intent" value="return" />
            <input type="hidden" name="userId" value={data.userId} />
            <TextAreaField
              label="Eller send tilbage med en begrundelse"
              hint="Borgeren kan læse begrundelsen. Skriv venligt og konkret, hvad der skal rettes."
              registration={register("reason")}
              error={errorFor("reason")}
              maxLength={1000}
            />
            <div>
              <SubmitButton className="secondary" pendingText="Sender …">
                Send tilbage
              </SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="view-h">
        <h2 id="view-h">Sådan ser virksomhederne profilen</h2>
        <CandidateProfile view={data.view} />
      </section>
      {data.privateAccommodations.length > 0 ? (
        <section aria-labelledby="private-h" className="card">
          <h2 id="private-h">Skånebehov som kun jobcentret ser</h2>
          <ul>
            {data.privateAccommodations.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
