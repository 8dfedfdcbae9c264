import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { linkedSince } from "~/auth/identities.server";
import { invitationState, revokeInvitation } from "~/auth/invitations.server";
import { audienceConfig } from "~/auth/oidc-config.server";
import { sessionIdOf } from "~/auth/session.server";
import { getCitizen, latestInvitation, loadCitizenForStaff, setConsultant } from "~/citizens/citizens.server";
import { citizenActionSchema } from "~/citizens/schemas";
import { CandidateProfile } from "~/components/candidate-profile";
import { CheckboxField, FormError, SubmitButton, TextAreaField, useZodForm } from "~/components/form";
import { invitationStateLabels } from "~/components/invitation-table";
import { emailShown, hasNoEmail } from "~/email/no-email";
import { employmentHistory, recordEmploymentStatus } from "~/employment/employment.server";
import { employmentStatusLabels } from "~/employment/options";
import { followUpHistory } from "~/follow-up/worklist.server";
import { eraseUser } from "~/privacy/erasure.server";
import { eraseAccountSchema } from "~/privacy/schemas";
import { startAssisting } from "~/profiles/assisted.server";
import { toCompanyView } from "~/profiles/company-view";
import { reviewProfileAndNotify } from "~/profiles/notices.server";
import { profileStatusLabels } from "~/profiles/options";
import { reviewSchema } from "~/profiles/schemas";
import { inviteAndRespond } from "~/users/invite.server";
import { listStaff } from "~/users/users.server";
import { formatDate, localDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseFormData, readFormData } from "~/utils/forms.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";
import type { FollowUpKind } from "../../db/schema";

export const meta: MetaFunction = () => [{ title: "Borger" }];

const returnSchema = reviewSchema.options[1];
const notFound = () => httpNotFound("Borgeren findes ikke.");

// Staff and admins: the citizen with identity and, when there is one, the profile.
// Every look at a profile is written to the audit log.
const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = {
  quiet: "fulgte op, da borgeren ikke havde logget ind",
  invitation: "fulgte op på invitationen",
  unpublished: "fulgte op på profilen, der ikke var lavet",
  returned: "fulgte op på den tilbagesendte profil",
  unanswered_request: "fulgte op på en ubesvaret forespørgsel",
  unanswered_interest: "fulgte op på en interesse uden svar",
  hire_to_confirm: "fulgte op på ansættelsen",
  quiet_opening: "fulgte op på et opslag",
  quiet_company: "fulgte op på virksomheden",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireUser(request, { roles: STAFF_ROLES });
  const page = await loadCitizenForStaff(db, { userId: params.id ?? "", staffId: staff.id });
  if (!page) throw notFound();
  const { person, details } = page;
  const invitation = await latestInvitation(db, person.email);
  return json({
    userId: person.id,
    person,
    invitation: invitation ? { state: invitationState(invitation), createdAt: invitation.createdAt } : null,
    // So staff can help a citizen who calls because logging in does not work.
    mitidSince: audienceConfig("citizen") ? await linkedSince(db, person.id, "citizen") : undefined,
    employment: await employmentHistory(db, person.id),
    followUps: await followUpHistory(db, person.id),
    staff: await listStaff(db),
    today: localDate(),
    profile: details
      ? {
          status: details.profile.status,
          hidden: details.profile.hidden === 1,
          submittedAt: details.profile.submittedAt,
          birthDate: details.profile.birthDate,
          view: toCompanyView(details),
          // Staff also see skånebehov the citizen keeps to themself.
          privateAccommodations: details.accommodations.filter((a) => a.visibleToCompanies !== 1 || !details.healthConsent).map((a) => a.label),
        }
      : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireUser(request, { roles: STAFF_ROLES });
  const person = await getCitizen(db, params.id ?? "");
  if (!person) throw notFound();
  const back = `/borgere/${person.id}`;
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "approve" || intent === "return") {
    const parsed = parseFormData(formData, reviewSchema);
    if (!parsed.success) return parsed.response;
    const review = parsed.data;
    if (review.userId !== person.id) return badRequest({}, "Siden passer ikke til profilen. Prøv igen.");
    const decision = review.intent === "approve" ? { decision: "approve" as const } : { decision: "return" as const, reason: review.reason };
    if (!(await reviewProfileAndNotify(db, { userId: person.id, staffId: staff.id, ...decision }))) {
      return badRequest({}, "Profilen venter ikke længere på godkendelse.", 409);
    }
    return redirectWithMessage("/godkendelse", review.intent === "approve" ? "profil-godkendt" : "profil-retur");
  }
  if (intent === "delete-account") {
    // The citizen asked at the jobcenter: the same erasure as "Slet min konto", written in the audit log.
    const parsed = parseFormData(formData, eraseAccountSchema);
    if (!parsed.success) return parsed.response;
    await eraseUser(db, person.id, new Date(), { actorId: staff.id, action: "account_erased" });
    return redirectWithMessage("/borgere", "borger-slettet");
  }
  const parsed = parseFormData(formData, citizenActionSchema);
  if (!parsed.success) return parsed.response;
  const change = parsed.data;
  switch (change.intent) {
    case "consultant": {
      if (change.consultantId && !(await listStaff(db)).some((s) => s.id === change.consultantId)) {
        return badRequest({ consultantId: "Vælg en jobkonsulent fra listen." });
      }
      await setConsultant(db, person.id, change.consultantId ?? null);
      return redirectWithMessage(back, "borger-gemt");
    }
    case "status":
      await recordEmploymentStatus(db, { userId: person.id, status: change.status, fromDate: change.fromDate, source: "staff", recordedBy: staff.id });
      return redirectWithMessage(back, "borger-gemt");
    case "resend":
      if (person.status !== "registered") return badRequest({}, "Borgeren har allerede en konto.", 409);
      if (hasNoEmail(person.email)) return badRequest({}, "Borgeren har ingen e-mail. Udskriv invitationen, og giv hende den.", 409);
      return inviteAndRespond(db, { name: person.name, email: person.email, role: "flexjobber", invitedBy: staff.id, consultantId: person.consultantId ?? undefined }, back, {
        inviterMayKnow: true,
      });
    case "assist": {
      const sessionId = sessionIdOf(request);
      const started = sessionId ? await startAssisting(db, { sessionId, staffId: staff.id, citizenId: person.id }) : "not_found";
      if (started === "no_account") return badRequest({}, "Borgeren skal have en konto først. Send eller udskriv invitationen.", 409);
      if (started === "not_found") throw notFound();
      return redirect("/profil");
    }
    case "revoke": {
      const invitation = await latestInvitation(db, person.email);
      if (!invitation || invitationState(invitation) !== "open") return badRequest({}, "Der er ingen åben invitation.", 409);
      await revokeInvitation(db, invitation.id);
      return redirectWithMessage(back, "invitation-trukket");
    }
  }
}

export default function CitizenPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { person, profile } = data;
  const { onSubmit, errorFor, register } = useZodForm(returnSchema, {
    serverErrors: actionData?.errors,
    defaultValues: { intent: "return", userId: data.userId },
  });
  return (
    <>
      <p>
        <Link to="/borgere">Tilbage til Borgere</Link>
      </p>
      <h1>{person.name}</h1>
      <p className="muted">Du kan se borgerens navn, fordi du er ansat i jobcentret. Når du ser en profil, bliver det skrevet i logbogen.</p>
      <FormError message={actionData?.formError} />
      <dl className="facts card">
        <div>
          <dt>E-mail</dt>
          <dd>{emailShown(person.email)}</dd>
        </div>
        <div>
          <dt>Telefon</dt>
          <dd>{person.phone ?? "Ikke oplyst"}</dd>
        </div>
        <div>
          <dt>Konto</dt>
          <dd>
            {person.status === "active"
              ? "Har konto"
              : person.status === "suspended"
                ? "Spærret"
                : data.invitation
                  ? `${invitationStateLabels[data.invitation.state]} (sendt ${formatDate(data.invitation.createdAt)})`
                  : "Ikke inviteret"}
          </dd>
        </div>
        {data.mitidSince !== undefined && person.status === "active" ? (
          <div>
            <dt>Log ind</dt>
            <dd>{data.mitidSince ? `Med MitID (tilknyttet ${formatDate(data.mitidSince)})` : "Med e-mail og adgangskode"}</dd>
          </div>
        ) : null}
        <div>
          <dt>Beskæftigelse</dt>
          <dd>{data.employment[0] ? `${employmentStatusLabels[data.employment[0].status]} fra ${formatDate(data.employment[0].fromDate)}` : "Ikke registreret"}</dd>
        </div>
        {profile ? (
          <>
            <div>
              <dt>Profil</dt>
              <dd>
                {profileStatusLabels[profile.status]}
                {profile.hidden ? " (på pause)" : ""}
              </dd>
            </div>
            <div>
              <dt>Alias</dt>
              <dd>{profile.view.alias}</dd>
            </div>
            <div>
              <dt>Fødselsdato</dt>
              <dd>{profile.birthDate ? formatDate(profile.birthDate) : "Ikke oplyst"}</dd>
            </div>
          </>
        ) : null}
      </dl>

      {person.status === "registered" ? (
        <Form method="post" className="actions">
          {hasNoEmail(person.email) ? null : (
            <SubmitButton name="intent" value="resend" pendingText="Sender …">
              {data.invitation ? "Send invitationen igen" : "Send invitation"}
            </SubmitButton>
          )}
          <Link to={`/borgere/${person.id}/brev`} className="button secondary">
            Udskriv invitation
          </Link>
          {data.invitation?.state === "open" ? (
            <SubmitButton name="intent" value="revoke" className="secondary" pendingText="Trækker tilbage …">
              Træk invitationen tilbage
            </SubmitButton>
          ) : null}
        </Form>
      ) : null}

      {person.status === "active" ? (
        <section aria-labelledby="assist-h" className="card">
          <h2 id="assist-h">Udfyld profilen sammen med borgeren</h2>
          <p>
            Til et møde: I udfylder profilen sammen i de samme trin, som borgeren selv bruger. Alt, du gemmer, bliver skrevet i logbogen, og borgeren ser, hvad der er skrevet og af
            hvem, næste gang hun logger ind. Hun kan rette eller trække det hele tilbage.
          </p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="assist" />
            <div className="check">
              <input id="assist-present" type="checkbox" name="present" value="ja" aria-describedby={actionData?.errors?.present ? "assist-present-error" : undefined} />
              <label htmlFor="assist-present">{person.name} er her og vil gerne udfylde profilen sammen med mig</label>
            </div>
            {actionData?.errors?.present ? (
              <p className="field-error" id="assist-present-error">
                {actionData.errors.present}
              </p>
            ) : null}
            <div>
              <SubmitButton pendingText="Åbner …">Udfyld profilen sammen med borgeren</SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}

      {profile?.status === "pending" ? (
        <section aria-labelledby="review-h" className="card">
          <h2 id="review-h">Godkend profilen</h2>
          <p>Sendt {profile.submittedAt ? formatDate(profile.submittedAt) : ""}. Tjek at profilen ikke afslører navn, adresse eller diagnoser.</p>
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

      <section aria-labelledby="status-h" className="card">
        <h2 id="status-h">Beskæftigelse</h2>
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="status" />
          <label htmlFor="status-select">Ny status</label>
          <select id="status-select" name="status" defaultValue={data.employment[0]?.status ?? "ledig"}>
            {Object.entries(employmentStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor="status-from">Fra</label>
          <input id="status-from" type="date" name="fromDate" defaultValue={data.today} />
          <button type="submit" className="secondary">
            Gem status
          </button>
        </Form>
        {actionData?.errors?.fromDate ? <p className="field-error">{actionData.errors.fromDate}</p> : null}
        {data.employment.length > 0 ? (
          <ul>
            {data.employment.map((e) => (
              <li key={e.id}>
                {employmentStatusLabels[e.status]} fra {formatDate(e.fromDate)}
                {e.source === "platform" ? " (ansat via platformen)" : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="consultant-h" className="card">
        <h2 id="consultant-h">Jobkonsulent</h2>
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="consultant" />
          <label htmlFor="consultant-select">Jobkonsulent</label>
          <select id="consultant-select" name="consultantId" defaultValue={person.consultantId ?? ""}>
            <option value="">Ingen jobkonsulent</option>
            {data.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            Gem jobkonsulent
          </button>
        </Form>
      </section>

      <section aria-labelledby="followup-h" className="card">
        <h2 id="followup-h">Opfølgning</h2>
        {data.followUps.length === 0 ? (
          <p>
            Ingen har markeret en opfølgning endnu. <Link to="/opfoelgning?hvem=alle">Se Opfølgning</Link>
          </p>
        ) : (
          <ul>
            {data.followUps.map((f) => (
              <li key={f.id}>
                {formatDate(f.createdAt)}, {f.staffName ?? "Tidligere medarbejder"}: {FOLLOW_UP_LABELS[f.kind]}
                {f.note ? ` – ${f.note}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      {profile ? (
        <>
          <section aria-labelledby="view-h">
            <h2 id="view-h">Sådan ser virksomhederne profilen</h2>
            <CandidateProfile view={profile.view} />
          </section>
          {profile.privateAccommodations.length > 0 ? (
            <section aria-labelledby="private-h" className="card">
              <h2 id="private-h">Skånebehov som kun jobcentret ser</h2>
              <ul>
                {profile.privateAccommodations.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : (
        <p>Borgeren har ikke lavet en profil endnu.</p>
      )}

      <EraseCitizen name={person.name} />
    </>
  );
}

function EraseCitizen({ name }: { name: string }) {
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(eraseAccountSchema, { serverErrors: actionData?.errors, defaultValues: { intent: "delete-account" } });
  return (
    <section aria-labelledby="erase-h" className="card">
      <h2 id="erase-h">Slet borgerens konto og oplysninger</h2>
      <p>
        Brug det, når borgeren beder om at blive slettet. Navn, kontaktoplysninger, profil og beskeder slettes med det samme. Historikken som ledig eller i fleksjob gemmes til
        statistikken uden navn. Det bliver skrevet i logbogen.
      </p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="delete-account" />
        <CheckboxField label={`Ja, slet ${name} nu. Borgeren har bedt om det.`} registration={register("confirm")} error={errorFor("confirm")} />
        <div>
          <SubmitButton className="danger" pendingText="Sletter …">
            Slet borgeren
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
