import type { MetaFunction } from "@remix-run/node";
import { healthConsentText } from "~/auth/consent-texts";

export const meta: MetaFunction = () => [{ title: "Sådan passer vi på dine oplysninger" }];

// Public: the privacy statement.
export default function Privacy() {
  return (
    <>
      <h1>Sådan passer vi på dine oplysninger</h1>
      <p>Refleks drives af jobcentret i din kommune. Jobcentret er ansvarlig for dine oplysninger.</p>
      <h2>Hvad vi gemmer</h2>
      <ul>
        <li>Dit navn, din e-mail og dit telefonnummer, hvis du skriver det.</li>
        <li>Det du skriver på din profil: hvad du kan, din erfaring og de timer, du kan arbejde.</li>
        <li>Dine skånebehov – kun hvis du har givet samtykke til det.</li>
        <li>Hvornår du logger ind. Vi bruger det til at se, om platformen bliver brugt.</li>
      </ul>
      <h2>Hvem kan se hvad</h2>
      <p>
        Virksomheder ser ikke dit navn, din e-mail, dit telefonnummer, din adresse eller din fødselsdato. De ser kun et
        kaldenavn, fx &quot;Fleksjobber K7M2&quot;, og det du vælger at vise. Først når du siger ja til en virksomhed, kan
        den se, hvem du er.
      </p>
      <h2>Dine skånebehov</h2>
      {healthConsentText.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h2>Dine rettigheder</h2>
      <p>
        Du kan altid skjule din profil, trække et samtykke tilbage, få en kopi af dine oplysninger eller slette din
        konto. Kontakt jobcentret, hvis du har spørgsmål.
      </p>
    </>
  );
}
