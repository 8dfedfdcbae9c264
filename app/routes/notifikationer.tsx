import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/client.server";
import { requireUser } from "~/auth/guard.server";
import { SubmitButton } from "~/components/form";
import { kindLabels, kindsFor, modeLabels, NOTIFICATION_MODES } from "~/notifications/kinds";
import { listNotifications, markNotificationsRead, preferencesFor, savePreferences } from "~/notifications/notifications.server";
import { preferencesSchema } from "~/notifications/schemas";
import { formatDate, formatTime } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Notifikationer" }];

// Everyone signed in: what happened, and how each kind should reach them by email.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [notifications, preferences] = await Promise.all([listNotifications(db, user.id), preferencesFor(db, user.id)]);
  // Seen now: the count in the header goes to zero on the next page.
  await markNotificationsRead(db, user.id);
  return json({ notifications, preferences, kinds: kindsFor(user.role) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, preferencesSchema);
  if (!parsed.success) return parsed.response;
  const allowed = new Set(kindsFor(user.role));
  await savePreferences(db, user.id, Object.fromEntries(Object.entries(parsed.data).filter(([kind, mode]) => mode && allowed.has(kind as never))));
  return redirectWithMessage("/notifikationer", "notifikationer-gemt");
}

export default function Notifications() {
  const { notifications, preferences, kinds } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Notifikationer</h1>
      {notifications.length === 0 ? <p>Ingen notifikationer endnu.</p> : null}
      <ul className="threads">
        {notifications.map((n) => (
          <li key={n.id} className={n.readAt ? undefined : "unread"}>
            <Link to={n.link}>{n.title}</Link>
            <span className="muted">
              {formatDate(n.createdAt)} kl. {formatTime(n.createdAt)}
              {n.readAt ? "" : " · ny"}
            </span>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="settings-h">
        <h2 id="settings-h">E-mails</h2>
        <p>Vælg, hvordan du vil høre om det, der sker. Du ser det altid her. E-mails fortæller aldrig noget om dit helbred eller dine skånebehov.</p>
        <Form method="post" className="stack">
          {kinds.map((kind) => (
            <fieldset key={kind} className="field">
              <legend>{kindLabels[kind]}</legend>
              {NOTIFICATION_MODES.map((mode) => (
                <div className="check" key={mode}>
                  <input id={`${kind}-${mode}`} type="radio" name={kind} value={mode} defaultChecked={preferences[kind] === mode} />
                  <label htmlFor={`${kind}-${mode}`}>{modeLabels[mode]}</label>
                </div>
              ))}
            </fieldset>
          ))}
          <div>
            <SubmitButton pendingText="Gemmer …">Gem</SubmitButton>
          </div>
        </Form>
      </section>
    </>
  );
}
