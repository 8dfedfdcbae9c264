import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guard.server";
import { SubmitButton } from "~/components/form";
import { kindLabels, kindsFor, modeLabels, NOTIFICATION_MODES, smsModeLabels } from "~/notifications/kinds";
import { listNotifications, markNotificationsRead, preferencesFor, savePreferences, smsRecipient } from "~/notifications/notifications.server";
import { preferencesSchema, smsField } from "~/notifications/schemas";
import { noticesForCompany } from "~/profiles/contact.server";
import { formatDate, formatTime } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";
import type { NotificationKind, NotificationMode } from "../../db/schema";

export const meta: MetaFunction = () => [{ title: "Notifikationer" }];

// Everyone signed in: what happened, and how each kind should reach them by
// email; citizens with a phone number also by SMS.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [all, preferences, smsTo] = await Promise.all([listNotifications(db, user.id), preferencesFor(db, user.id), smsRecipient(db, user.id)]);
  const notifications = user.companyId === null ? all : await noticesForCompany(db, user.companyId, all);
  // Seen now: the count in the header goes to zero on the next page.
  await markNotificationsRead(db, user.id);
  const citizen = user.role === "flexjobber";
  return json({ notifications, preferences, kinds: kindsFor(user.role), sms: citizen ? { to: smsTo } : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, preferencesSchema);
  if (!parsed.success) return parsed.response;
  const kinds = kindsFor(user.role);
  const data: Record<string, NotificationMode | undefined> = parsed.data;
  const pick = (field: (k: NotificationKind) => string) => Object.fromEntries(kinds.flatMap((k) => (data[field(k)] ? [[k, data[field(k)]!]] : [])));
  // SMS is for citizens only; anything else sent is ignored.
  await savePreferences(
    db,
    user.id,
    pick((k) => k),
    user.role === "flexjobber" ? pick(smsField) : {},
  );
  return redirectWithMessage("/notifikationer", "notifikationer-gemt");
}

export default function Notifications() {
  const { notifications, preferences, kinds, sms } = useLoaderData<typeof loader>();
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
        <h2 id="settings-h">Sådan får du besked</h2>
        <p>Vælg, hvordan du vil høre om det, der sker. Du ser det altid her. E-mails fortæller aldrig noget om dit helbred eller dine skånebehov.</p>
        {sms ? (
          <p>
            {sms.to ? (
              <>
                SMS sendes til {sms.to}. En SMS siger kun, at der er noget nyt på siden, fx &quot;Du har en ny besked&quot;. Den siger aldrig, hvad der står, hvem der har skrevet,
                eller noget om dit helbred.
              </>
            ) : (
              <>
                Vil du have en SMS, når der sker noget? Skriv dit mobilnummer under <Link to="/min-konto">Min konto</Link>.
              </>
            )}
          </p>
        ) : null}
        <Form method="post" className="stack">
          {kinds.map((kind) => (
            <fieldset key={kind} className="field">
              <legend>{kindLabels[kind]}</legend>
              <Choices name={kind} labels={modeLabels} checked={preferences.email[kind]} group={sms?.to ? "E-mail" : null} />
              {sms?.to ? <Choices name={smsField(kind)} labels={smsModeLabels} checked={preferences.sms[kind]} group="SMS" /> : null}
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

/** One radio group: straks, daglig, aldrig; inside its own fieldset when a kind has two (email and SMS). */
function Choices({ name, labels, checked, group }: { name: string; labels: Record<NotificationMode, string>; checked: NotificationMode; group: string | null }) {
  const radios = NOTIFICATION_MODES.map((mode) => (
    <div className="check" key={mode}>
      <input id={`${name}-${mode}`} type="radio" name={name} value={mode} defaultChecked={checked === mode} />
      <label htmlFor={`${name}-${mode}`}>{labels[mode]}</label>
    </div>
  ));
  if (!group) return <>{radios}</>;
  return (
    <fieldset className="field">
      <legend>{group}</legend>
      {radios}
    </fieldset>
  );
}
