import { json } from "@remix-run/node";

// The two answers a route throws when a page is not for this person: the root
// error boundary shows the message in Danish (a file route answers with it as
// JSON). Thrown, not returned: `throw notFound("Jobbet findes ikke.")`.

export function notFound(message = "Vi kan ikke finde siden. Måske er linket forkert eller gammelt."): Response {
  return json({ message }, { status: 404 });
}

export function forbidden(message = "Du har ikke adgang til denne side."): Response {
  return json({ message }, { status: 403 });
}
