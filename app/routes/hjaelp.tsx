import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import { validateRequest } from "~/auth/session.server";
import { ContactDetails } from "~/components/shell";
import type { loader as rootLoader } from "~/root";

export const meta: MetaFunction = () => [{ title: "Hjælp" }];

// Public: short answers to common questions, the signed-in role's own first, and whom to contact.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await validateRequest(request);
  return json({ role: auth?.user.role ?? null });
}

type Audience = "flexjobber" | "company" | "all";

/** A link the viewer may follow, or the same words as plain text (staff cannot open a flexjobber's /profil). */
type To = (to: string, text: string) => ReactNode;

const questions: { audience: Audience; q: string; a: (to: To) => ReactNode }[] = [
  {
    audience: "flexjobber",
    q: "Hvad kan virksomhederne se om mig?",
    a: () => (
      <>
        Din profil uden dit navn: det du kan, dine ønsker og dit område (ikke din adresse). Dit navn, din e-mail og dit telefonnummer ser en virksomhed først, når du siger ja. Dine
        skånebehov ser de kun, hvis du har givet samtykke og selv har valgt, hvilke de må se.
      </>
    ),
  },
  {
    audience: "flexjobber",
    q: "Hvordan holder jeg en pause?",
    a: (to) => <>Gå til {to("/profil", "Min profil")} og tryk &quot;Sæt profilen på pause&quot;. Så kan virksomhederne ikke finde dig, før du viser den igen.</>,
  },
  {
    audience: "flexjobber",
    q: "Hvorfor får jeg ikke forslag til job?",
    a: (to) => <>Vi finder job ud fra dine kompetencer, dine timer og hvor du bor. {to("/profil/kompetencer", "Tilføj dine kompetencer")}, så bliver forslagene bedre.</>,
  },
  {
    audience: "flexjobber",
    q: "Kan jeg fortryde, at jeg har vist interesse for et job?",
    a: (to) => <>Ja. Under {to("/job/interesser", "Mine interesser")} kan du trække interessen tilbage. Så kan virksomheden ikke længere se den.</>,
  },
  {
    audience: "company",
    q: "Hvorfor kan vi ikke se kandidaternes navne?",
    a: () => (
      <>Profilerne er anonyme, så fleksjobberne trygt kan være her. Send en forespørgsel eller svar på en interesse: siger kandidaten ja, ser I navn og kontaktoplysninger.</>
    ),
  },
  {
    audience: "company",
    q: "Hvordan holder vi styr på de kandidater, vi kan lide?",
    a: (to) => <>Åbn jeres opslag under {to("/opslag", "Opslag")} og tryk &quot;Sæt på kortlisten&quot; ved en kandidat. Kortlisten er kun for jer.</>,
  },
  {
    audience: "company",
    q: "Hvordan får en kollega adgang?",
    a: () => <>Den, der er administrator for jeres virksomhed, kan invitere kolleger under Kolleger.</>,
  },
  {
    audience: "all",
    q: "Jeg har glemt min adgangskode",
    a: (to) => <>Tryk {to("/glemt-adgangskode", "Glemt adgangskode?")} på siden Log ind. Så sender vi et link til din e-mail.</>,
  },
  {
    audience: "all",
    q: "Hvordan skifter jeg e-mail, adgangskode eller telefonnummer?",
    a: (to) => <>Under {to("/min-konto", "Min konto")}. Du kommer dertil ved at trykke på dit navn øverst på siden.</>,
  },
  {
    audience: "all",
    q: "Hvordan ser eller sletter jeg mine oplysninger?",
    a: (to) => <>Under {to("/mine-data", "Mine data")} kan du hente alt, vi har om dig, trække samtykker tilbage og slette din konto.</>,
  },
];

const sections: { audience: Audience; title: string }[] = [
  { audience: "flexjobber", title: "For fleksjobbere" },
  { audience: "company", title: "For virksomheder" },
  { audience: "all", title: "For alle" },
];

/** Pages only one role may open; a visitor who is not signed in is sent to log in first, which is fine. */
const ownPages: Record<string, string> = { "/profil": "flexjobber", "/profil/kompetencer": "flexjobber", "/job/interesser": "flexjobber", "/opslag": "company" };

function mayOpen(to: string, role: string | null): boolean {
  const only = ownPages[to];
  return !only || role === null || role === only;
}

export default function Help() {
  const { role } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  // The signed-in person's own questions first.
  const ordered = [...sections].sort((a, b) => Number(b.audience === role) - Number(a.audience === role));
  const linkFor: To = (to, text) => (mayOpen(to, role) ? <Link to={to}>{text}</Link> : text);
  return (
    <>
      <h1>Hjælp</h1>
      <p>Korte svar på det, folk tit spørger om. Finder du ikke svaret, så kontakt jobcentret.</p>
      {ordered.map((s) => (
        <section key={s.audience} aria-labelledby={`help-${s.audience}`}>
          <h2 id={`help-${s.audience}`}>{s.title}</h2>
          {questions
            .filter((q) => q.audience === s.audience)
            .map((q) => (
              <div key={q.q} className="faq">
                <h3>{q.q}</h3>
                <p>{q.a(linkFor)}</p>
              </div>
            ))}
        </section>
      ))}
      {root?.contact ? (
        <div className="card">
          <ContactDetails contact={root.contact} headingLevel={2} />
        </div>
      ) : null}
    </>
  );
}
