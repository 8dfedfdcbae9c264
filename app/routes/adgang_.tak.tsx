import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Tak for jeres anmodning" }];

// Public.
export default function AccessRequested() {
  return (
    <>
      <h1>Tak for jeres anmodning</h1>
      <p>Jobcentret ser på den hurtigst muligt, som regel inden for 3 arbejdsdage.</p>
      <p>Når I er godkendt, får kontaktpersonen en e-mail med et link til at oprette en adgangskode.</p>
      <p>
        <Link to="/">Til forsiden</Link>
      </p>
    </>
  );
}
