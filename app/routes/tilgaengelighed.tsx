import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Tilgængelighed" }];

// Public: the accessibility statement.
export default function Accessibility() {
  return (
    <>
      <h1>Tilgængelighed</h1>
      <p>Vi vil gerne have, at alle kan bruge Refleks.</p>
      <ul>
        <li>Du kan bruge hele siden med tastaturet. Tryk på Tab for at gå videre.</li>
        <li>Siden virker på mobil, tablet og computer.</li>
        <li>Du kan gøre teksten større i din browser.</li>
        <li>Alle felter har en tekst, som skærmlæsere kan læse op.</li>
      </ul>
      <p>Oplever du problemer, så kontakt jobcentret. Så retter vi det.</p>
    </>
  );
}
