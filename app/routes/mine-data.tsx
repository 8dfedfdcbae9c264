import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { HEALTH_CONSENT_VERSION } from "~/auth/consent-texts";
import { requireUser } from "~/auth/guard.server";
import { endSession } from "~/auth/session.server";
import { CheckboxField, FormError, SubmitButton, useZodForm } from "~/components/form";
import { WithdrawHealthConsent } from "~/components/health-consent";
import { eraseUser } from "~/privacy/erasure.server";
import { eraseAccountSchema, myDataActionSchema } from "~/privacy/schemas";
import { consentChoices, setHealthConsent, setSharingConsent } from "~/profiles/profile.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { forbidden as httpForbidden } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Mine data" }];

// Every signed-in user: the rights of GDPR art. 15, 17, 20 and 7(3), in the product.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role !== "flexjobber") return json({ role: user.role, consents: null });
  return json({ role: user.role, consents: await consentChoices(db, user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, myDataActionSchema);
  if (!parsed.success) return parsed.response;
  const { intent } = parsed.data;
  if (intent === "delete-account") {
    await eraseUser(db, user.id);
    return endSession(request, "/login?besked=konto-slettet");
  }
  if (user.role !== "flexjobber") throw httpForbidden("Det kan kun fleksjobbere.");
  if (intent === "withdraw-health") {
    await setHealthConsent(db, user.id, false, HEALTH_CONSENT_VERSION);
    return redirectWithMessage("/mine-data", "skaanebehov-slettet");
  }
  await setSharingConsent(db, user.id, intent === "give-sharing");
  return redirectWithMessage("/mine-data", intent === "give-sharing" ? "deling-givet" : "deling-trukket");
}

export default function MyData() {
  const { role, consents } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mine data</h1>
      <p>
        Her kan du se og bestemme over de oplysninger, platformen har om dig. <Link to="/privatliv">Læs hvad vi gemmer, og hvorfor</Link>.
      </p>

      <section aria-labelledby="download-h" className="card">
        <h2 id="download-h">Hent mine data</h2>
        <p>
          Få en fil med alt, hvad vi har gemt om dig: din konto
          {role === "flexjobber" ? ", din profil, dine samtykker, forespørgsler, interesser, arrangementer og hvem der har set din profil" : ""} og hvornår du har været logget på.
          Filen er lavet til, at et andet program kan læse den.
        </p>
        <p>
          <a href="/mine-data.json" download className="button">
            Hent mine data
          </a>
        </p>
      </section>

      {consents ? (
        <section aria-labelledby="consent-h" className="card">
          <h2 id="consent-h">Mine samtykker</h2>
          <h3>Virksomhederne må se min profil</h3>
          {consents.sharing ? (
            <Form method="post" className="stack">
              <p>
                Ja. Godkendte virksomheder kan se din profil uden dit navn. Trækker du samtykket tilbage, forsvinder du med det samme fra deres søgninger, interesser og
                forespørgsler.
              </p>
              <div>
                <SubmitButton name="intent" value="withdraw-sharing" className="secondary" pendingText="Gemmer …">
                  Træk samtykket tilbage
                </SubmitButton>
              </div>
            </Form>
          ) : consents.published ? (
            <Form method="post" className="stack">
              <p>Nej. Virksomhederne kan ikke se din profil.</p>
              <div>
                <SubmitButton name="intent" value="give-sharing" className="secondary" pendingText="Gemmer …">
                  Vis min profil for virksomhederne igen
                </SubmitButton>
              </div>
            </Form>
          ) : (
            <p>
              Du har ikke offentliggjort en profil endnu. Det gør du under <Link to="/profil">Min profil</Link>.
            </p>
          )}
          <h3>Mine skånebehov</h3>
          {consents.health ? (
            <>
              <p>Du har givet samtykke. Trækker du det tilbage, sletter vi dine skånebehov med det samme.</p>
              <WithdrawHealthConsent intent="withdraw-health" count={consents.accommodations} />
            </>
          ) : (
            <p>Du har ikke givet samtykke. Vi gemmer ingen skånebehov om dig.</p>
          )}
        </section>
      ) : null}

      <DeleteAccount isCitizen={role === "flexjobber"} />
    </>
  );
}

function DeleteAccount({ isCitizen }: { isCitizen: boolean }) {
  const actionData = useActionData<typeof action>();
  const serverErrors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const { onSubmit, errorFor, register } = useZodForm(eraseAccountSchema, { serverErrors, defaultValues: { intent: "delete-account" } });
  return (
    <section aria-labelledby="delete-h" className="card">
      <h2 id="delete-h">Slet min konto</h2>
      <p>Når du sletter din konto, sker det med det samme, og det kan ikke fortrydes. Du bliver logget ud.</p>
      <p>Vi sletter:</p>
      <ul>
        <li>dit navn, din e-mail og dit telefonnummer</li>
        {isCitizen ? <li>din profil, dine skånebehov og det, du har skrevet til virksomhederne</li> : <li>det, du har skrevet</li>}
        <li>dine log ind-oplysninger</li>
      </ul>
      {isCitizen ? (
        <p>
          Jobcentret skal efter loven gemme nogle oplysninger til statistik: din historik som ledig eller i fleksjob, og at du har været med på platformen. Det gemmes under et
          tilfældigt nummer uden dit navn eller dine kontaktoplysninger. Ingen kan se, at det var dig.
        </p>
      ) : null}
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="delete-account" />
        <CheckboxField label="Ja, slet min konto og mine oplysninger nu." registration={register("confirm")} error={errorFor("confirm")} />
        <FormError message={actionData && "formError" in actionData ? actionData.formError : undefined} />
        <div>
          <SubmitButton className="danger" pendingText="Sletter …">
            Slet min konto
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
