import { json, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { healthConsentText, sharingConsentText } from "~/auth/consent-texts";
import { env } from "~/env.server";
import { RETENTION_GRACE_DAYS } from "~/privacy/retention.server";

import { POSTCODE_ATTRIBUTION } from "../../db/vocabularies/postcodes";

export const meta: MetaFunction = () => [{ title: "Sådan passer vi på dine oplysninger" }];

// Public: the privacy statement (what, why, how long, and the rights).
export function loader() {
  return json({ retentionMonths: env.RETENTION_MONTHS, graceDays: RETENTION_GRACE_DAYS, postcodeAttribution: POSTCODE_ATTRIBUTION });
}

export default function Privacy() {
  const { retentionMonths, graceDays, postcodeAttribution } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Sådan passer vi på dine oplysninger</h1>
      <p>Refleks drives af jobcentret i din kommune. Jobcentret er ansvarlig for dine oplysninger.</p>

      <h2>Hvad vi gemmer, og hvorfor</h2>
      <ul>
        <li>Dit navn, din e-mail og dit telefonnummer, hvis du skriver det. Så du kan logge ind, og så virksomheder kan kontakte dig, når du siger ja.</li>
        <li>Det du skriver på din profil: hvad du kan, din erfaring, de timer du kan arbejde, og dit postnummer. Så virksomhederne kan finde dig, uden at se hvem du er.</li>
        <li>Dine skånebehov – kun hvis du har givet samtykke til det.</li>
        <li>Forespørgsler fra virksomheder, din interesse for job og dine tilmeldinger til arrangementer.</li>
        <li>Hvilke virksomheder og medarbejdere i jobcentret der har set din profil, og hvornår.</li>
        <li>Hvilke dage du har været logget ind. Vi bruger det til at se, om platformen bliver brugt.</li>
        <li>Jobcentrets oplysninger om, hvornår du har været ledig eller i fleksjob. Dem har jobcentret også uden platformen.</li>
      </ul>

      <h2>Hvem kan se hvad</h2>
      <p>
        Virksomheder ser ikke dit navn, din e-mail, dit telefonnummer, din adresse eller din fødselsdato. De ser kun et kaldenavn, fx &quot;Fleksjobber K7M2&quot;, og det du vælger
        at vise. Først når du siger ja til en virksomhed, kan den se, hvem du er.
      </p>
      <p>{sharingConsentText}</p>

      <h2>Dine skånebehov</h2>
      {healthConsentText.map((p) => (
        <p key={p}>{p}</p>
      ))}

      <h2>Hvor længe vi gemmer det</h2>
      <p>
        Så længe du bruger platformen. Har du ikke logget ind i {retentionMonths} måneder, skriver vi til dig. Logger du ikke ind inden for {graceDays} dage derefter, sletter vi
        din konto og dine oplysninger.
      </p>
      <p>
        Når en konto bliver slettet, gemmer jobcentret kun det, loven kræver til statistik: historikken som ledig eller i fleksjob, og at du har været med på platformen. Det gemmes
        under et tilfældigt nummer uden dit navn eller dine kontaktoplysninger.
      </p>

      <h2>Dine rettigheder</h2>
      <p>
        Under <Link to="/mine-data">Mine data</Link> kan du, når du er logget ind:
      </p>
      <ul>
        <li>hente alt, hvad vi har gemt om dig, i en fil (indsigt og dataportabilitet)</li>
        <li>trække dine samtykker tilbage: så forsvinder din profil eller dine skånebehov med det samme</li>
        <li>slette din konto med det samme</li>
      </ul>
      <p>
        Du kan også sætte din profil på pause under Min profil, rette alt på din profil, eller bede jobcentret om hjælp. Du kan klage til Datatilsynet, hvis du er utilfreds med,
        hvordan vi behandler dine oplysninger.
      </p>
      <h2>Afstande</h2>
      <p>Afstanden mellem dig og en arbejdsplads regner vi ud fra midten af jeres postnumre, aldrig fra en adresse. {postcodeAttribution}</p>
    </>
  );
}
