import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { validateRequest } from "~/auth/session.server";
import { getCompany } from "~/companies/companies.server";
import { JobCardView } from "~/components/job-card";
import { ThinProfileInvite } from "~/components/match-reasons";
import { loadWorklist, worklistCounts } from "~/follow-up/worklist.server";
import { profileStatusLabels } from "~/profiles/options";
import { companyHome, flexjobberHome } from "~/users/home.server";
import { staffOverview } from "~/users/overview.server";
import { formatDate } from "~/utils/dates";

import { db } from "../../db/client.server";
import type { ProfileStatus } from "../../db/schema";

export const meta: MetaFunction = () => [{ title: "Refleks" }];

// Public landing for visitors; each role's start page once signed in.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await validateRequest(request);
  if (!auth) return json({ kind: "landing" as const });
  const { user } = auth;
  const firstName = user.name.split(" ")[0];
  switch (user.role) {
    case "flexjobber":
      return json({ kind: "flexjobber" as const, firstName, home: await flexjobberHome(db, user.id) });
    case "company": {
      const company = user.companyId ? await getCompany(db, user.companyId) : undefined;
      return json({
        kind: "company" as const,
        firstName,
        companyName: company?.name ?? "",
        isCompanyAdmin: user.isCompanyAdmin,
        home: user.companyId ? await companyHome(db, user.companyId) : null,
      });
    }
    case "staff":
    case "admin":
      return json({
        kind: "staff" as const,
        firstName,
        overview: await staffOverview(db),
        followUp: worklistCounts(await loadWorklist(db, { staffId: user.id, mine: true })),
      });
  }
}

export default function Index() {
  const data = useLoaderData<typeof loader>();
  switch (data.kind) {
    case "landing":
      return <Landing />;
    case "flexjobber":
      return (
        <>
          <h1>Hej {data.firstName}</h1>
          <p>{profileIntro(data.home)}</p>
          <div className="cards">
            <section className="card" aria-labelledby="profil-h">
              <h2 id="profil-h">Din profil</h2>
              {data.home.status ? (
                <p>
                  {profileStatusLabels[data.home.status]}
                  {data.home.hidden ? " (på pause)" : ""}. Den er {data.home.percent}&nbsp;% færdig.
                </p>
              ) : (
                <p>Du har ikke lavet en profil endnu. Skriv hvad du er god til, og hvor mange timer du kan arbejde.</p>
              )}
              <Link to="/profil">{data.home.status ? "Gå til din profil" : "Lav din profil"}</Link>
            </section>
            <section className={data.home.pendingRequests > 0 ? "card attention" : "card"} aria-labelledby="req-h">
              <h2 id="req-h">Forespørgsler</h2>
              <p>
                {data.home.pendingRequests === 0
                  ? "Ingen virksomheder venter på svar fra dig."
                  : `${data.home.pendingRequests} ${data.home.pendingRequests === 1 ? "virksomhed venter" : "virksomheder venter"} på svar fra dig.`}
              </p>
              <Link to="/beskeder">Se beskeder</Link>
            </section>
          </div>
          <section aria-labelledby="rec-h">
            <h2 id="rec-h">{data.home.strength === "empty" ? "Nyeste job" : "Anbefalet til dig"}</h2>
            <ThinProfileInvite strength={data.home.strength} />
            {data.home.recommended.length === 0 ? <p>Der er ingen job lige nu. Kig igen senere.</p> : null}
            {data.home.recommended.map((c) => (
              <JobCardView key={c.id} card={c} />
            ))}
            <p>
              <Link to="/job">Se alle job</Link>
            </p>
          </section>
          {data.home.saved.length > 0 ? (
            <section aria-labelledby="saved-h">
              <h2 id="saved-h">Dine gemte job</h2>
              <ul>
                {data.home.saved.map((s) => (
                  <li key={s.id}>
                    <Link to={`/job/${s.id}`}>{s.title}</Link> hos {s.companyName}
                    {s.deadline ? `, frist ${formatDate(s.deadline)}` : ""}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      );
    case "company":
      return (
        <>
          <h1>Hej {data.firstName}</h1>
          <p>Du er logget ind for {data.companyName}.</p>
          <div className="cards">
            <section className="card" aria-labelledby="find-h">
              <h2 id="find-h">Find kandidater</h2>
              <p>
                <strong>{data.home?.visibleProfiles ?? 0}</strong> fleksjobbere har en synlig profil lige nu.
              </p>
              <Link to="/kandidater">Søg i profilerne</Link>
            </section>
            <section className="card" aria-labelledby="openings-h">
              <h2 id="openings-h">Jeres opslag</h2>
              {data.home?.openings.length ? (
                <ul>
                  {data.home.openings.map((o) => (
                    <li key={o.id}>
                      <Link to={`/opslag/${o.id}`}>{o.title}</Link>: {o.interests} interesserede
                      {(o.newInterests ?? 0) > 0 ? `, ${o.newInterests} nye` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>I har ingen åbne opslag.</p>
              )}
              <Link to="/opslag/ny">Nyt opslag</Link>
            </section>
            <section className="card" aria-labelledby="sent-h">
              <h2 id="sent-h">Jeres forespørgsler</h2>
              <p>
                <strong>{data.home?.accepted ?? 0}</strong> har sagt ja. <strong>{data.home?.pending ?? 0}</strong> venter på svar.
              </p>
              <Link to="/beskeder">Se forespørgsler</Link>
            </section>
          </div>
          {data.isCompanyAdmin ? (
            <p>
              <Link to="/kolleger">Inviter en kollega</Link>
            </p>
          ) : null}
        </>
      );
    case "staff":
      return (
        <>
          <h1>Overblik</h1>
          {data.overview.unsentEmails > 0 ? (
            <div className="notice error" role="alert">
              <p>
                <strong>{data.overview.unsentEmails}</strong> {data.overview.unsentEmails === 1 ? "e-mail er" : "e-mails er"} ikke sendt.{" "}
                <Link to="/e-mails">Se udgående e-mails</Link>
              </p>
            </div>
          ) : null}
          <div className="cards">
            <section className="card" aria-labelledby="followup-h">
              <h2 id="followup-h">Opfølgning</h2>
              {data.followUp.total === 0 ? (
                <p>Ingen af dine borgere venter på opfølgning.</p>
              ) : (
                <ul>
                  {data.followUp.lists.map((l) => (
                    <li key={l.label}>
                      <strong>{l.count}</strong> {l.label}
                    </li>
                  ))}
                </ul>
              )}
              <Link to="/opfoelgning">Se Opfølgning</Link>
            </section>
            <section className="card" aria-labelledby="companies-h">
              <h2 id="companies-h">Virksomheder</h2>
              <p>
                <strong>{data.overview.pendingCompanies}</strong> venter på godkendelse.
              </p>
              <Link to="/virksomheder">Se virksomheder</Link>
            </section>
            <section className="card" aria-labelledby="citizens-h">
              <h2 id="citizens-h">Borgere</h2>
              <p>
                <strong>{data.overview.flexjobbers}</strong> fleksjobbere har en konto. <strong>{data.overview.openInvitations}</strong> invitationer venter på svar.
              </p>
              <Link to="/borgere">Se borgere</Link>
            </section>
            <section className="card" aria-labelledby="review-h">
              <h2 id="review-h">Profiler</h2>
              <p>
                <strong>{data.overview.profilesToReview}</strong> venter på godkendelse.
              </p>
              {data.overview.profilesOverdue > 0 ? (
                <p className="notice error">
                  <strong>{data.overview.profilesOverdue}</strong> har ventet mere end 3 hverdage.
                </p>
              ) : null}
              <Link to="/godkendelse">Se profiler til godkendelse</Link>
            </section>
            <section className="card" aria-labelledby="hires-h">
              <h2 id="hires-h">Ansættelser</h2>
              <p>
                <strong>{data.overview.hiresToConfirm}</strong> venter på bekræftelse.
              </p>
              <Link to="/bekraeft">Se ansættelser til bekræftelse</Link>
            </section>
            <section className="card" aria-labelledby="vocab-h">
              <h2 id="vocab-h">Ordlister</h2>
              <p>Kompetencer, brancher, skånebehov og certifikater, som profiler og jobopslag vælger fra.</p>
              <Link to="/ordlister">Ret ordlister</Link>
            </section>
          </div>
        </>
      );
  }
}

function Landing() {
  return (
    <>
      <h1>Om Refleks</h1>
      <p>Refleks er jobcentrets lukkede og trygge sted, hvor fleksjobbere og virksomheder mødes. Det er frivilligt at være med.</p>
      <h2>Fleksjobber</h2>
      <p>Du får en invitation fra jobcentret på e-mail. Har du allerede en konto, kan du logge ind.</p>
      <p>
        <Link className="button" to="/login">
          Log ind
        </Link>
      </p>
      <h2>Virksomhed</h2>
      <p>Vil I finde en fleksjobber? Bed om adgang. Jobcentret godkender alle virksomheder.</p>
      <p>
        <Link className="button secondary" to="/adgang">
          Bed om adgang
        </Link>
      </p>
    </>
  );
}

/** The first words on her start page follow where her profile is, so they never tell her to do what she did. */
function profileIntro({ status, hidden, visible }: { status: ProfileStatus | null; hidden: boolean; visible: boolean }): string {
  if (status === "pending") return "Jobcentret kigger på din profil, normalt inden for 3 hverdage. Imens kan du se job og gemme dem, du kan lide.";
  if (status === "returned") return "Jobcentret har sendt din profil tilbage med en bemærkning. Ret den, og send den igen. Så kan virksomhederne finde dig.";
  if (status === "approved" && hidden) return "Din profil er på pause. Virksomhederne kan ikke se den, før du viser den igen under Min profil.";
  if (status === "approved" && !visible)
    return "Din profil er godkendt, men virksomhederne kan ikke se den, fordi du har trukket dit samtykke tilbage. Det kan du ændre under Mine data.";
  if (status === "approved") return "Din profil er synlig for virksomhederne, uden dit navn. Hold den opdateret, og sig til, når et job ser spændende ud.";
  return "Her laver du din profil, så virksomheder kan se, hvad du kan. Du bestemmer selv, hvad de ser.";
}
