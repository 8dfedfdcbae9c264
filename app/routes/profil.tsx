import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/client.server";
import { requireUser } from "~/auth/guard.server";
import { notifyStaffTask } from "~/notifications/staff.server";
import { FormError, SubmitButton } from "~/components/form";
import { completeness } from "~/profiles/completeness";
import { profileStatusLabels } from "~/profiles/options";
import { alertSoon } from "~/alerts/alerts.server";
import { ensureProfile, hasSharingConsent, loadProfileDetails, publishProfile, setProfileHidden } from "~/profiles/profile.server";
import { isVisibleTo } from "~/profiles/visibility.server";
import { visibilitySchema } from "~/profiles/schemas";
import { recentProfileViewers } from "~/profiles/views.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { hasConfirmedHire } from "~/employment/employment.server";

export const meta: MetaFunction = () => [{ title: "Min profil" }];

const EDIT_STEPS = [
  { to: "/profil/om", title: "Om dig", text: "Overskrift og et par linjer om dig" },
  { to: "/profil/kompetencer", title: "Kompetencer", text: "Hvad du kan, uddannelse, kurser og certifikater" },
  { to: "/profil/erfaring", title: "Erfaring", text: "Hvor du har arbejdet før" },
  { to: "/profil/oensker", title: "Ønsker", text: "Timer, tidspunkter, område og brancher" },
  { to: "/profil/skaanebehov", title: "Skånebehov", text: "Hvad der skal til, for at du trives. Du bestemmer, hvad der vises" },
] as const;

// Flexjobbers only: their own profile.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber"] });
  await ensureProfile(db, user.id);
  const details = await loadProfileDetails(db, user.id);
  if (!details) throw new Response("Profilen findes ikke", { status: 404 });
  const { profile } = details;
  return json({
    alias: profile.alias,
    status: profile.status,
    hidden: profile.hidden === 1,
    returnReason: profile.returnReason,
    completeness: completeness(details),
    viewers: await recentProfileViewers(db, user.id),
    visible: await isVisibleTo(db, user.id),
    // Paused because staff confirmed a job: she is asked whether to stay visible.
    newJob: profile.hidden === 1 && (await hasConfirmedHire(db, user.id)),
    sharing: await hasSharingConsent(db, user.id),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber"] });
  const parsed = await parseForm(request, visibilitySchema);
  if (!parsed.success) return parsed.response;
  const { intent } = parsed.data;
  if (intent === "pause" || intent === "resume") {
    await setProfileHidden(db, user.id, intent === "pause");
    // Shown again: companies' saved searches may find her now.
    if (intent === "resume") alertSoon(db, "profile");
    return redirectWithMessage("/profil", intent === "pause" ? "profil-pause" : "profil-vist");
  }
  const result = await publishProfile(db, user.id);
  if (typeof result === "object") {
    return badRequest({}, `Før jobcentret kan se på din profil, mangler du: ${result.missing.join(", ").toLowerCase()}.`);
  }
  if (result === "submitted") await notifyStaffTask(db, { flexjobberId: user.id, kind: "profile_to_approve", title: "En profil venter på godkendelse", link: "/godkendelse" });
  return redirectWithMessage("/profil", result === "submitted" ? "profil-sendt" : "profil-gemt");
}

export default function MyProfile() {
  const { alias, status, hidden, returnReason, completeness: done, viewers, visible, sharing, newJob } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <>
      <h1>Min profil</h1>
      <p>
        Virksomhederne ser dig som <strong>{alias}</strong>. De ser ikke dit navn, før du selv siger ja.
      </p>

      {newJob ? (
        <section aria-labelledby="job-h" className="card">
          <h2 id="job-h">Tillykke med jobbet</h2>
          <p>
            Vi har sat din profil på pause, så virksomhederne ikke kontakter dig om andre job. Vil du stadig kunne findes, så
            tryk &quot;Vis min profil igen&quot; herunder.
          </p>
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
            Du har trukket dit samtykke til at vise profilen tilbage, så virksomhederne kan ikke se den.{" "}
            <Link to="/mine-data">Vis den igen under Mine data</Link>.
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
        {status !== "draft" && !hidden ? (
          <p className="hint muted">Pause er altid i orden. Din profil forsvinder med det samme fra virksomhedernes søgninger.</p>
        ) : null}
      </section>

      <section aria-labelledby="done-h" className="card">
        <h2 id="done-h">Så langt er du</h2>
        <label htmlFor="meter">Din profil er {done.percent} % færdig</label>
        <div>
          <meter id="meter" className="meter" min={0} max={100} value={done.percent}>
            {done.percent} %
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
          Hent en kopi af dine oplysninger, træk et samtykke tilbage, eller slet din konto under{" "}
          <Link to="/mine-data">Mine data</Link>.
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
