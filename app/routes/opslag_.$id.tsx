import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";

import { requireCompanyUser } from "~/auth/guard.server";
import { ConfirmFold } from "~/components/confirm-fold";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { MatchReasons } from "~/components/match-reasons";
import { OpeningView } from "~/components/opening-view";
import { replyToInterest } from "~/messages/notices.server";
import { requireOwnOpening } from "~/openings/guard.server";
import { type InterestRow, listInterestsForOpening } from "~/openings/interests.server";
import { openingPlace } from "~/openings/job-search.server";
import { setInterestStageAndNotify } from "~/openings/notices.server";
import { closeOpening, copyOpening, extendDeadline, openingViewData, publishOpening } from "~/openings/openings.server";
import { openingStatusLabels, stageLabels, STAGES } from "~/openings/options";
import { extendDeadlineSchema, openingActionSchema } from "~/openings/schemas";
import { addToShortlist, listShortlist, removeFromShortlist } from "~/openings/shortlist.server";
import { refusalText } from "~/profiles/contact.server";
import { runRead } from "~/readers/pool.server";
import { addDays, formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

const CANDIDATE_STEP = 5;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.view.title ?? "Opslag" }];

// Company users, only for their own company's openings (another company's → 403).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCompanyUser(request);
  const details = await requireOwnOpening(params.id, user.companyId);
  // Recommended candidates come five at a time ("Vis flere"), at most 50.
  const asked = Number(new URL(request.url).searchParams.get("kandidater"));
  const shown = Number.isInteger(asked) && asked > 0 ? Math.min(50, Math.ceil(asked / CANDIDATE_STEP) * CANDIDATE_STEP) : CANDIDATE_STEP;
  const [interests, candidates, shortlist] = await Promise.all([
    listInterestsForOpening(db, details, user.companyId),
    runRead("recommendCandidates", details, shown + 1),
    listShortlist(db, details, user.companyId),
  ]);
  return json({
    id: details.opening.id,
    status: details.opening.status,
    deadline: details.opening.deadline,
    view: openingViewData(details, openingPlace(details)),
    interests,
    shortlist,
    candidates: candidates.slice(0, shown).map((c) => ({ alias: c.alias, headline: c.view.headline, hours: c.view.hours, area: c.view.area, match: c.match })),
    moreCandidates: candidates.length > shown && shown < 50 ? shown + CANDIDATE_STEP : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCompanyUser(request);
  const details = await requireOwnOpening(params.id, user.companyId);
  const id = details.opening.id;
  const parsed = await parseForm(request, openingActionSchema);
  if (!parsed.success) return parsed.response;
  const change = parsed.data;
  switch (change.intent) {
    case "publish": {
      const result = await publishOpening(db, id, user.companyId);
      if (result === "deadline_passed") return badRequest({}, "Fristen er overskredet. Ret fristen, før I slår opslaget op.", 409);
      if (result !== "ok") return badRequest({}, "Opslaget er allerede slået op.", 409);
      return redirectWithMessage(`/opslag/${id}`, "opslag-slaaet-op");
    }
    case "close":
      if ((await closeOpening(db, id, user.companyId)) !== "ok") return badRequest({}, "Kun et opslag, der er slået op, kan lukkes.", 409);
      return redirectWithMessage(`/opslag/${id}`, "opslag-lukket");
    case "copy": {
      const copy = await copyOpening(db, id, user.companyId, user.id);
      return copy ? redirectWithMessage(`/opslag/${copy}/rediger`, "opslag-kopieret") : redirect(`/opslag/${id}`);
    }
    case "extend": {
      const result = await extendDeadline(db, { id, companyId: user.companyId, deadline: change.deadline });
      if (result === "not_allowed") return badRequest({}, "Kun et opslag, der er slået op og har en frist, kan få en ny frist.", 409);
      if (result === "not_later") return badRequest({ deadline: "Vælg en dato efter den nuværende frist." }, undefined, 400);
      return redirectWithMessage(`/opslag/${id}`, "frist-forlaenget");
    }
    case "stage": {
      const result = await setInterestStageAndNotify(db, { interestId: change.interestId, companyId: user.companyId, stage: change.stage, userId: user.id });
      if (result === "not_found") return badRequest({}, "Kandidaten findes ikke på dette opslag.", 404);
      return redirectWithMessage(`/opslag/${id}`, "trin-gemt");
    }
    case "shortlist": {
      const result = await addToShortlist(db, { openingId: id, companyId: user.companyId, alias: change.alias, addedBy: user.id });
      if (result === "not_found") return badRequest({}, "Kandidaten findes ikke, eller profilen er ikke synlig lige nu.", 404);
      return redirectWithMessage(`/opslag/${id}`, "kortliste-tilfoejet");
    }
    case "unshortlist":
      await removeFromShortlist(db, { openingId: id, alias: change.alias });
      return redirectWithMessage(`/opslag/${id}`, "kortliste-fjernet");
    case "reply": {
      // The answer opens the conversation about this opening at once; the candidate stays anonymous until she says yes.
      const result = await replyToInterest(db, { companyId: user.companyId, sentBy: user.id, openingId: id, interestId: change.interestId, message: change.message });
      if (result === "not_found") return badRequest({}, "Kandidaten findes ikke på dette opslag.", 404);
      if (result.kind !== "sent") return badRequest({}, refusalText(result), 409);
      return redirectWithMessage(`/beskeder/${result.threadId}`, "svar-sendt");
    }
  }
}

export default function OpeningPage() {
  const { id, status, deadline, view, interests, shortlist, candidates, moreCandidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const onShortlist = new Set(shortlist.map((c) => c.alias));
  return (
    <>
      <p>
        <Link to="/opslag">Tilbage til Opslag</Link>
      </p>
      <h1>{view.title}</h1>
      <p>
        Status: <span className="badge">{openingStatusLabels[status]}</span>
        {status === "draft" ? " Kun I kan se opslaget." : ""}
      </p>
      <FormError message={actionData?.formError} />
      <div className="actions">
        <Link to={`/opslag/${id}/rediger`}>Ret opslaget</Link>
        <Form method="post">
          <SubmitButton name="intent" value="copy" className="secondary" pendingText="Kopierer …">
            Kopiér
          </SubmitButton>
        </Form>
        {status !== "published" ? (
          <Form method="post">
            <SubmitButton name="intent" value="publish" pendingText="Slår op …">
              Slå opslaget op
            </SubmitButton>
          </Form>
        ) : (
          <ConfirmFold summary="Luk opslaget" intent="close" confirm="Ja, luk opslaget nu" pendingText="Lukker …">
            <p>Fleksjobberne kan ikke længere finde jobbet eller sige, at de er interesserede. De interesserede, I allerede har, bliver her. I kan slå opslaget op igen.</p>
          </ConfirmFold>
        )}
      </div>

      <section aria-labelledby="interests-h">
        <h2 id="interests-h">Interesserede ({interests.length})</h2>
        {interests.length === 0 ? <p>Ingen har sagt, at de er interesserede endnu.</p> : null}
        {interests.map((i) => (
          <InterestCard
            key={i.id}
            interest={i}
            shortlisted={onShortlist.has(i.alias)}
            replyError={actionData?.values?.interestId === String(i.id) ? actionData.errors.message : undefined}
          />
        ))}
      </section>

      <section aria-labelledby="shortlist-h">
        <h2 id="shortlist-h">Kortliste ({shortlist.length})</h2>
        {shortlist.length === 0 ? <p>Sæt de kandidater, I vil se nærmere på, på kortlisten. Den er kun for jer.</p> : null}
        {shortlist.map((c) => (
          <article key={c.alias} className="card" aria-labelledby={`short-${c.alias}`}>
            <h3 id={`short-${c.alias}`}>
              <Link to={`/kandidater/${encodeURIComponent(c.alias)}?opslag=${id}`}>{c.alias}</Link>
            </h3>
            {c.headline ? <p>{c.headline}</p> : null}
            <p className="muted">{[c.hours, c.area, `sat på ${formatDate(c.addedAt)}`].filter(Boolean).join(" · ")}</p>
            <MatchReasons match={c.match} limit={2} />
            <ShortlistButton alias={c.alias} on />
          </article>
        ))}
      </section>

      <section aria-labelledby="candidates-h">
        <h2 id="candidates-h">Anbefalede kandidater</h2>
        <p>Profiler der passer godt til opslaget. De er anonyme, indtil kandidaten siger ja.</p>
        {candidates.length === 0 ? <p>Ingen synlige profiler endnu.</p> : null}
        {candidates.map((c) => (
          <article key={c.alias} className="card" aria-labelledby={`cand-${c.alias}`}>
            <h3 id={`cand-${c.alias}`}>
              <Link to={`/kandidater/${encodeURIComponent(c.alias)}?opslag=${id}`}>{c.alias}</Link>
            </h3>
            {c.headline ? <p>{c.headline}</p> : null}
            <p className="muted">{[c.hours, c.area].filter(Boolean).join(" · ")}</p>
            <MatchReasons match={c.match} limit={4} />
            <ShortlistButton alias={c.alias} on={onShortlist.has(c.alias)} />
          </article>
        ))}
        {moreCandidates ? (
          <p>
            <Link to={`?kandidater=${moreCandidates}#candidates-h`} preventScrollReset>
              Vis flere kandidater
            </Link>
          </p>
        ) : null}
      </section>

      {status === "published" && deadline ? <ExtendDeadline deadline={deadline} errors={actionData?.errors} /> : null}

      <details className="card ad-fold">
        <summary>
          <h2 id="preview-h">Opslaget, som fleksjobberne ser det</h2>
        </summary>
        <OpeningView o={view} />
      </details>
    </>
  );
}

/** The deadline, and "Forlæng fristen" (the reminder seven days ahead links here). */
function ExtendDeadline({ deadline, errors }: { deadline: string; errors?: Record<string, string> }) {
  const suggested = addDays(deadline, 14);
  const { onSubmit, errorFor, register } = useZodForm(extendDeadlineSchema, { serverErrors: errors, defaultValues: { intent: "extend", deadline: suggested } });
  return (
    <section id="frist" className="card" aria-labelledby="frist-h">
      <h2 id="frist-h">Ansøgningsfrist</h2>
      <p>Fristen er {formatDate(deadline)}. Derefter lukker opslaget af sig selv.</p>
      <Form method="post" className="search-row" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="extend" />
        <TextField label="Ny frist" type="date" registration={register("deadline")} error={errorFor("deadline")} defaultValue={suggested} />
        <SubmitButton pendingText="Gemmer …" className="secondary">
          Forlæng fristen
        </SubmitButton>
      </Form>
    </section>
  );
}

/** "Sæt på kortlisten" or, once there, "Fjern fra kortlisten", named by alias for screen readers. */
function ShortlistButton({ alias, on }: { alias: string; on: boolean }) {
  return (
    <Form method="post" className="actions">
      <input type="hidden" name="alias" value={alias} />
      {on ? <span className="badge">På kortlisten</span> : null}
      <button type="submit" name="intent" value={on ? "unshortlist" : "shortlist"} className="secondary">
        {on ? "Fjern fra kortlisten" : "Sæt på kortlisten"} <span className="visually-hidden">: {alias}</span>
      </button>
    </Form>
  );
}

function InterestCard({ interest: i, replyError, shortlisted }: { interest: InterestRow; replyError?: string; shortlisted: boolean }) {
  const stageId = useId();
  const replyId = useId();
  const who = i.identity ? `${i.identity.name} (${i.alias})` : i.alias;
  return (
    <article className="card" aria-labelledby={`int-${i.id}`}>
      <h3 id={`int-${i.id}`}>{who}</h3>
      <p className="muted">
        Interesseret siden {formatDate(i.createdAt)} · Trin: {stageLabels[i.stage]}
      </p>
      {i.identity ? (
        <p>
          <a href={`mailto:${i.identity.email}`}>{i.identity.email}</a>
          {i.identity.phone ? ` · ${i.identity.phone}` : ""}
        </p>
      ) : (
        <p>Kandidaten er anonym. Svar, hvis I vil i kontakt: kandidaten bestemmer, om I må se navnet.</p>
      )}
      {i.message ? <p className="prewrap">&quot;{i.message}&quot;</p> : null}
      {i.view?.headline ? <p>{i.view.headline}</p> : null}
      {i.match ? <MatchReasons match={i.match} limit={4} /> : null}
      <Form method="post" className="actions">
        <input type="hidden" name="interestId" value={i.id} />
        <label htmlFor={stageId}>Trin for {i.alias}</label>
        <select id={stageId} name="stage" defaultValue={i.stage}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {stageLabels[s]}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="stage" className="secondary">
          Gem trin
        </button>
      </Form>
      <ShortlistButton alias={i.alias} on={shortlisted} />
      {i.identity ? null : (
        <Form method="post" className="stack">
          <input type="hidden" name="interestId" value={i.id} />
          <div className="field">
            <label htmlFor={replyId}>Svar til {i.alias}</label>
            <textarea
              id={replyId}
              name="message"
              rows={3}
              maxLength={1000}
              aria-invalid={replyError ? true : undefined}
              aria-describedby={replyError ? `${replyId}-error` : undefined}
            />
            {replyError ? (
              <p className="field-error" id={`${replyId}-error`}>
                {replyError}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" name="intent" value="reply">
              Send svar
            </button>
          </div>
        </Form>
      )}
    </article>
  );
}
