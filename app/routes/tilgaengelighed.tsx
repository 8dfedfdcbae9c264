import type { MetaFunction } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";

import type { loader as rootLoader } from "~/root";
import { formatDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Tilgængelighedserklæring" }];

// Update both when the statement is reviewed (at least once a year, and after larger changes).
const PREPARED = "2026-11-29";
const LAST_REVIEWED = "2026-11-29";

// Public: the accessibility statement in the Danish form (lov om tilgængelighed
// af offentlige organers websteder og mobilapplikationer, the WAS model statement).
export default function Accessibility() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const brand = root?.brand ?? "Refleks";
  const contact = root?.contact;
  return (
    <>
      <h1>Tilgængelighedserklæring for {brand}</h1>
      <p>
        {contact?.name ?? "Jobcentret"} er forpligtet til at gøre {brand} tilgængeligt i overensstemmelse med lov om tilgængelighed af offentlige organers websteder og
        mobilapplikationer. Erklæringen gælder for hele {brand}: siderne for fleksjobbere, virksomheder og jobcentrets medarbejdere.
      </p>

      <h2>Overholdelsesstatus</h2>
      <p>
        {brand} er <strong>delvist i overensstemmelse</strong> med standarden WCAG 2.1 på niveau AA, fordi noget indhold ikke er fuldt tilgængeligt. Det står herunder.
      </p>

      <h2>Ikke-tilgængeligt indhold</h2>
      <ul>
        <li>Videoer under Viden har kun undertekster og en skrevet udgave, når jobcentret har lagt dem op sammen med videoen. Mangler de, så kontakt os, så laver vi dem.</li>
        <li>Billeder i artikler har kun en beskrivende tekst, hvis den, der skrev artiklen, har tilføjet den.</li>
        <li>Diagrammerne under Statistik kan ikke læses op punkt for punkt. De samme tal står i tabellen ved hvert diagram.</li>
      </ul>

      <h2>Det gør siden tilgængelig</h2>
      <ul>
        <li>Du kan bruge hele siden med tastaturet. Tryk på Tab for at gå videre, og se hvor du er på den gule ramme.</li>
        <li>Siden virker på mobil (fra 360 pixels bredde), tablet og computer, og du kan gøre teksten større i din browser.</li>
        <li>Alle felter har en tekst, som skærmlæsere kan læse op, og fejl står i ord ved feltet, ikke kun i farve.</li>
        <li>Formularerne virker også uden JavaScript.</li>
      </ul>

      <h2>Udarbejdelse af erklæringen</h2>
      <p>
        Erklæringen er udarbejdet {formatDate(PREPARED)} på grundlag af en selvevaluering: en automatisk test med axe i Chromium af hver slags side for hver rolle i 1280 og 360
        pixels bredde (med kontrast på alle knapper, også når de har fokus), og en manuel test med tastatur alene.
      </p>
      <p>Erklæringen blev senest gennemgået {formatDate(LAST_REVIEWED)}.</p>

      <h2>Feedback og kontaktoplysninger</h2>
      <p>
        Oplever du noget, der ikke virker for dig, eller mangler du noget i en anden form, så skriv til os
        {contact?.email ? (
          <>
            {" "}
            på <a href={`mailto:${contact.email}?subject=${encodeURIComponent(`Tilgængelighed på ${brand}`)}`}>{contact.email}</a>
          </>
        ) : null}
        {contact?.phone ? <> eller ring på {contact.phone}</> : null}. Du kan også finde kontaktoplysningerne under <Link to="/hjaelp">Hjælp</Link>. Vi svarer inden for 10
        hverdage.
      </p>

      <h2>Håndhævelsesprocedure</h2>
      <p>
        Du kan klage til Digitaliseringsstyrelsen, som er tilsynsmyndighed for tilgængelighed af offentlige websteder, hvis du ikke får et tilfredsstillende svar fra os:{" "}
        <a href="https://www.was.digst.dk/">www.was.digst.dk</a>.
      </p>
    </>
  );
}
