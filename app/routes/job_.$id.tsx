import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guard.server";
import { FormError, RadioGroup, SubmitButton, TextAreaField, useZodForm } from "~/components/form";
import { MatchReasons } from "~/components/match-reasons";
import { OpeningView } from "~/components/opening-view";
import { interestFor, saveForLater, unsave } from "~/openings/interests.server";
import { openingPlace, toJobCard } from "~/openings/job-search.server";
import { expressInterestAndNotify } from "~/openings/notices.server";
import { liveOpenings, loadOpening, openingViewData } from "~/openings/openings.server";
import { stageLabels } from "~/openings/options";
import { interestSchema, jobActionSchema } from "~/openings/schemas";
import { loadProfileDetails } from "~/profiles/profile.server";
import { isVisibleTo } from "~/profiles/visibility.server";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.view.title ?? "Job" }];

const NOT_VISIBLE_TEXT = "Virksomheder kan kun se din interesse, når din profil er godkendt og synlig.";
const notFound = () => httpNotFound("Jobbet findes ikke, eller fristen er overskredet.");

// Flexjobbers only. Live openings, plus closed ones the flexjobber saved or answered.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber"] });
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const [details, live, interest, saved, profile, visible] = await Promise.all([
    loadOpening(db, id),
    liveOpenings(db).select("o.id").where("o.id", "=", id).executeTakeFirst(),
    interestFor(db, user.id, id),
    db.selectFrom("savedOpenings").select("openingId").where("userId", "=", user.id).where("openingId", "=", id).executeTakeFirst(),
    loadProfileDetails(db, user.id),
    isVisibleTo(db, user.id),
  ]);
  if (!details || (!live && !interest && !saved) || details.opening.status === "draft") throw notFound();
  const card = toJobCard(details, profile, saved !== undefined);
  return json({
    id,
    live: live !== undefined,
    view: openingViewData(details, openingPlace(details)),
    match: card.match,
    hasProfile: profile !== null,
    saved: saved !== undefined,
    visible,
    interest: interest ? { stage: interest.stage, identityShared: interest.identityShared === 1, createdAt: interest.createdAt } : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber"] });
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const parsed = await parseForm(request, jobActionSchema);
  if (!parsed.success) return parsed.response;
  const change = parsed.data;
  if (change.intent === "unsave") {
    await unsave(db, user.id, id);
    return redirectWithMessage(`/job/${id}`, "job-fjernet");
  }
  if (change.intent === "save") {
    if (!(await saveForLater(db, user.id, id))) throw notFound();
    return redirectWithMessage(`/job/${id}`, "job-gemt");
  }
  const result = await expressInterestAndNotify(db, { userId: user.id, openingId: id, message: change.message, shareIdentity: change.shareIdentity === "ja" });
  if (result === "not_found") throw notFound();
  if (result === "not_visible") return badRequest({}, NOT_VISIBLE_TEXT, 409);
  if (result === "already") return badRequest({}, "Du har allerede sagt, at du er interesseret.", 409);
  return redirectWithMessage(`/job/${id}`, "interesse-sendt");
}

export default function Job() {
  const { id, live, view, match, hasProfile, saved, interest, visible } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/job">Tilbage til Job</Link>
      </p>
      <h1>{view.title}</h1>
      {live ? null : <p className="notice">Opslaget er lukket. Du kan ikke længere sige, at du er interesseret.</p>}
      <OpeningView o={view} />
      {match ? (
        <section aria-labelledby="match-h" className="card">
          <h2 id="match-h">Sådan passer jobbet til dig</h2>
          <MatchReasons match={match} />
        </section>
      ) : hasProfile ? (
        <p>
          <Link to="/profil/kompetencer">Tilføj dine kompetencer</Link>, så kan vi vise, om jobbet passer til dig.
        </p>
      ) : (
        <p>
          <Link to="/profil">Lav din profil</Link>, så kan vi vise, om jobbet passer til dig.
        </p>
      )}
      <FormError message={actionData?.formError} />
      {live ? (
        <Form method="post">
          {saved ? (
            <SubmitButton name="intent" value="unsave" className="secondary" pendingText="Gemmer …">
              Fjern fra Gemte job
            </SubmitButton>
          ) : (
            <SubmitButton name="intent" value="save" className="secondary" pendingText="Gemmer …">
              Gem jobbet
            </SubmitButton>
          )}
        </Form>
      ) : null}
      {interest ? (
        <section aria-labelledby="int-h" className="card">
          <h2 id="int-h">Du er interesseret</h2>
          <p>
            Sendt {formatDate(interest.createdAt)}. {interest.identityShared ? "Virksomheden kan se dit navn og dine kontaktoplysninger." : "Du er anonym for virksomheden."}{" "}
            Status: {stageLabels[interest.stage]}.
          </p>
          {visible ? null : <p>Din profil er ikke synlig lige nu, så virksomheden kan ikke se din interesse.</p>}
          <p>
            <Link to="/job/interesser">Mine interesser</Link>: her kan du også trække interessen tilbage.
          </p>
        </section>
      ) : live && !visible ? (
        <section aria-labelledby="int-h" className="card">
          <h2 id="int-h">Vil du vise interesse?</h2>
          <p>
            {NOT_VISIBLE_TEXT} <Link to="/profil">Gå til din profil</Link>
          </p>
        </section>
      ) : live ? (
        <InterestForm key={id} errors={actionData?.errors} />
      ) : null}
    </>
  );
}

function InterestForm({ errors }: { errors?: Record<string, string> }) {
  const { onSubmit, errorFor, register } = useZodForm(interestSchema, { serverErrors: errors, defaultValues: { intent: "interest" } });
  return (
    <section aria-labelledby="say-h" className="card">
      <h2 id="say-h">Jeg er interesseret</h2>
      <p>Virksomheden får besked. Du bestemmer selv, om den må se dit navn.</p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="interest" />
        <TextAreaField label="Besked til virksomheden (frivilligt)" registration={register("message")} error={errorFor("message")} maxLength={1000} />
        <RadioGroup
          legend="Må virksomheden se dit navn og dine kontaktoplysninger?"
          registration={register("shareIdentity")}
          error={errorFor("shareIdentity")}
          options={[
            { value: "nej", label: "Nej, jeg vil være anonym indtil videre" },
            { value: "ja", label: "Ja, de må se mit navn, min e-mail og mit telefonnummer" },
          ]}
        />
        <div>
          <SubmitButton pendingText="Sender …">Jeg er interesseret</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
