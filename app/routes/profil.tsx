import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { sharingConsentText } from "~/auth/consent-texts";
import { sessionIdOf } from "~/auth/session.server";
import { FormError, SubmitButton } from "~/components/form";
import { hasConfirmedHire } from "~/employment/employment.server";
import { markStaffEditsSeen, noteStaffEdit, requireProfileEditor, stopAssisting, unseenStaffEdits, witnessOf } from "~/profiles/assisted.server";
import { completeness } from "~/profiles/completeness";
import { publishProfileAndNotify } from "~/profiles/notices.server";
import { profileStatusLabels } from "~/profiles/options";
import { ensureProfile, hasSharingConsent, loadProfileDetails, setProfileHidden } from "~/profiles/profile.server";
import { visibilitySchema } from "~/profiles/schemas";
import { recentProfileViewers } from "~/profiles/views.server";
import { isVisibleTo } from "~/profiles/visibility.server";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Min profil" }];

const EDIT_STEPS = [
  { to: "/profil/om", title: "Om dig", text: "Overskrift og et par linjer om dig" },
  { to: "/profil/kompetencer", title: "Kompetencer", text: "Hvad du kan, uddannelse, kurser og certifikater" },
  { to: "/profil/erfaring", title: "Erfaring", text: "Hvor du har arbejdet før" },
  { to: "/profil/oensker", title: "Ønsker", text: "Timer, tidspunkter, område og brancher" },
  { to: "/profil/skaanebehov", title: "Skånebehov", text: "Hvad der skal til, for at du trives. Du bestemmer, hvad der vises" },
] as const;

// The citizen on her own profile, or staff filling it in with her (requireProfileEditor).
export async function loader({ request }: LoaderFunctionArgs) {
  const editor = await requireProfileEditor(request);
  const userId = editor.userId;
  await ensureProfile(db, userId);
  const details = await loadProfileDetails(db, userId);
  if (!details) throw httpNotFound("Profilen findes ikke");
  const { profile } = details;
  return json({
    alias: profile.alias,
    status: profile.status,
    hidden: profile.hidden === 1,
    returnReason: profile.returnReason,
    completeness: completeness(details),
    viewers: await recentProfileViewers(db, userId),
    visible: await isVisibleTo(db, userId),
    // Paused because staff confirmed a job: she is asked whether to stay visible.
    newJob: profile.hidden === 1 && (await hasConfirmedHire(db, userId)),
    sharing: await hasSharingConsent(db, userId),
    assisting: editor.staff ? { citizenName: editor.staff.citizenName, userId } : null,
    // What staff wrote with her that she has not seen: shown to her, not to staff.
    staffEdits: editor.staff ? [] : await unseenStaffEdits(db, userId),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const editor = await requireProfileEditor(request);
  const userId = editor.userId;
  const parsed = await parseForm(request, visibilitySchema);
  if (!parsed.success) return parsed.response;
  const { intent } = parsed.data;
  if (intent === "stop-assist") {
    const sessionId = sessionIdOf(request);
    if (!editor.staff || !sessionId) return badRequest({}, "Der er ikke noget at afslutte.", 400);
    await stopAssisting(db, sessionId);
    return redirectWithMessage(`/borgere/${userId}`, "profil-gemt");
  }
  if (intent === "seen") {
    if (editor.staff) return badRequest({}, "Kun borgeren selv kan markere det som set.", 403);
    await markStaffEditsSeen(db, userId);
    return redirectWithMessage("/profil", "profil-gemt");
  }
  if (intent === "pause" || intent === "resume") {
    await setProfileHidden(db, userId, intent === "pause");
    await noteStaffEdit(db, editor, intent === "pause" ? "Satte profilen på pause" : "Viste profilen igen");
    return redirectWithMessage("/profil", intent === "pause" ? "profil-pause" : "profil-vist");
  }
  // At a meeting, the consent to show the profile is hers, given there: staff confirm she said yes to the text.
  if (editor.staff && parsed.data.witnessed !== "ja") {
    return badRequest({ witnessed: "Sæt kryds, når borgeren har hørt teksten og siger ja." }, "Borgeren skal sige ja, før profilen sendes.");
  }
  const result = await publishProfileAndNotify(db, userId, new Date(), witnessOf(editor));
  if (typeof result === "object") {
    return badRequest({}, `Før jobcentret kan se på din profil, mangler du: ${result.missing.join(", ").toLowerCase()}.`);
  }
  if (result === "submitted") {
    await noteStaffEdit(db, editor, "Sendte profilen til godkendelse");
  }
  return redirectWithMessage("/profil", result === "submitted" ? "profil-sendt" : "profil-gemt");
}

export default function MyProfile() {
  const { alias, status, hidden, returnReason, completeness: done, viewers, visible, sharing, newJob, assisting, staffEdits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <>
      {assisting ? (
        <div className="notice" role="status">
          <p>
            Du udfylder profilen sammen med <strong>{assisting.citizenName}</strong>. Alt, du gemmer, bliver skrevet i profilens historik og i logbogen, og hun ser det, næste gang
            hun logger ind.
          </p>
          <Form method="post">
            <SubmitButton name="intent" value="stop-assist" className="secondary" pendingText="Afslutter …">
              Afslut og gå tilbage til borgeren
            </SubmitButton>
          </Form>
        </div>
      ) : null}
      {staffEdits.length > 0 ? (
        <section aria-labelledby="staff-edits-h" className="card">
          <h2 id="staff-edits-h">Det har jobcentret skrevet sammen med dig</h2>
          <ul>
            {staffEdits.map((e) => (
              <li key={`${e.step}-${e.staffName}`}>
                {e.step}: {e.staffName}, {formatDate(e.at)}
              </li>
            ))}
          </ul>
          <p>
            Det er din profil. Du kan rette alt herunder, sætte den på pause, eller trække dit samtykke tilbage under <Link to="/mine-data">Mine data</Link>.
          </p>
          <Form method="post">
            <SubmitButton name="intent" value="seen" className="secondary" pendingText="Gemmer …">
              Jeg har set det
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      <h1>{assisting ? `Profil for ${assisting.citizenName}` : "Min profil"}</h1>
      <p>
        Virksomhederne ser dig som <strong>{alias}</strong>. De ser ikke dit navn, før du selv siger ja.
      </p>

      {newJob ? (
        <section aria-labelledby="job-h" className="card">
          <h2 id="job-h">Tillykke med jobbet</h2>
          <p>Vi har sat din profil på pause, så virksomhederne ikke kontakter dig om andre job. Vil du stadig kunne findes, så tryk &quot;Vis min profil igen&quot; herunder.</p>
        </section>
      ) : null}
      <section aria-labelledby="status-h" className="card">
        <h2 id="status-h">Status</h2>
        <p>
          {profileStatusLabels[status]}
          {hidden ? ". Sat på pause: virksomhederne kan ikke se den." : ""}
          {visible ? ". Virksomhederne kan finde den." : ""}
        </p>
        {status === "approved" && !sharing ? (
          <p>
            Du har trukket dit samtykke til at vise profilen tilbage, så virksomhederne kan ikke se den. <Link to="/mine-data">Vis den igen under Mine data</Link>.
          </p>
        ) : null}
        {status === "returned" && returnReason ? (
          <div className="notice error">
            <p>
              <strong>Jobcentret har sendt profilen tilbage:</strong>
            </p>
            <p className="prewrap">{returnReason}</p>
            <p>Ret profilen, og send den igen.</p>
          </div>
        ) : null}
        <FormError message={actionData?.formError} />
        <Form method="post" className="actions">
          {assisting && (status === "draft" || status === "returned") ? (
            <div className="field">
              <p className="notice">{sharingConsentText}</p>
              <div className="check">
                <input id="witnessed" type="checkbox" name="witnessed" value="ja" aria-describedby={actionData?.errors?.witnessed ? "witnessed-error" : undefined} />
                <label htmlFor="witnessed">{assisting.citizenName} har hørt teksten og siger ja</label>
              </div>
              {actionData?.errors?.witnessed ? (
                <p id="witnessed-error" className="field-error">
                  {actionData.errors.witnessed}
                </p>
              ) : null}
            </div>
          ) : null}
          {status === "draft" || status === "returned" ? (
            <SubmitButton name="intent" value="publish" pendingText="Sender …">
              Send til godkendelse
            </SubmitButton>
          ) : null}
          {hidden ? (
            <SubmitButton name="intent" value="resume" pendingText="Gemmer …">
              Vis min profil igen
            </SubmitButton>
          ) : status !== "draft" ? (
            <SubmitButton name="intent" value="pause" className="secondary" pendingText="Gemmer …">
              Sæt profilen på pause
            </SubmitButton>
          ) : null}
          <Link to="/profil/forhaandsvisning">Sådan ser virksomhederne din profil</Link>
        </Form>
        {status !== "draft" && !hidden ? <p className="hint muted">Pause er altid i orden. Din profil forsvinder med det samme fra virksomhedernes søgninger.</p> : null}
      </section>

      <section aria-labelledby="done-h" className="card">
        <h2 id="done-h">Så langt er du</h2>
        <label htmlFor="meter">Din profil er {done.percent}&nbsp;% færdig</label>
        <div>
          <meter id="meter" className="meter" min={0} max={100} value={done.percent}>
            {done.percent}&nbsp;%
          </meter>
        </div>
        {done.next ? (
          <p>
            Næste skridt: <Link to={done.next.to}>{done.next.text}</Link>
          </p>
        ) : (
          <p>Din profil er udfyldt. Godt gået!</p>
        )}
      </section>

      <section aria-labelledby="views-h" className="card">
        <h2 id="views-h">Hvem har kigget?</h2>
        <p>
          {viewers.count === 0
            ? "Ingen virksomheder har set din profil den sidste uge."
            : `${viewers.count} ${viewers.count === 1 ? "virksomhed har" : "virksomheder har"} set din profil den sidste uge: ${viewers.companies.join(", ")}.`}
        </p>
      </section>

      <section aria-labelledby="data-h" className="card">
        <h2 id="data-h">Dine data</h2>
        <p>
          Hent en kopi af dine oplysninger, træk et samtykke tilbage, eller slet din konto under <Link to="/mine-data">Mine data</Link>.
        </p>
      </section>

      <section aria-labelledby="steps-h">
        <h2 id="steps-h">Ret din profil</h2>
        <p>Du kan gemme én del ad gangen og komme tilbage senere.</p>
        <ul className="steps">
          {EDIT_STEPS.map((s) => (
            <li key={s.to}>
              <span>
                <Link to={s.to}>{s.title}</Link>
                <br />
                <span className="muted">{s.text}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
