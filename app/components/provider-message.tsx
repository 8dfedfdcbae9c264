import { Link } from "@remix-run/react";

/** A page a login through MitID (or another provider) ended on: what happened, and where to go on. */
export function ProviderMessage({ title, text, next }: { title: string; text: string; next: { to: string; label: string } }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to={next.to}>{next.label}</Link>
      </p>
    </>
  );
}
