import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";

import { HEALTH_CONSENT_VERSION, healthConsentText, healthConsentTitle } from "~/auth/consent-texts";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { WithdrawHealthConsent } from "~/components/health-consent";
import { Suggestions } from "~/components/suggestions";
import { editProfile, requireProfileEditor, witnessOf } from "~/profiles/assisted.server";
import { addAccommodation, ensureProfile, loadProfileDetails, removeProfileItem, setAccommodationVisible, setHealthConsent } from "~/profiles/profile.server";
import { addItemProblem } from "~/profiles/profile-actions.server";
import { accommodationFormSchema, addAccommodationSchema } from "~/profiles/schemas";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { listTerms } from "~/vocabularies/vocabularies.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Skånebehov · Min profil" }];

// The citizen on her own profile, or staff filling it in with her (requireProfileEditor).
export async function loader({ request }: LoaderFunctionArgs) {
  const { userId } = await requireProfileEditor(request);
  await ensureProfile(db, userId);
  const details = await loadProfileDetails(db, userId);
  return json({
    healthConsent: details?.healthConsent ?? false,
    items: (details?.accommodations ?? []).map((a) => ({ id: a.id, label: a.label, visible: a.visibleToCompanies === 1 })),
    suggestions: (await listTerms(db, "accommodation")).map((t) => t.label),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return editProfile(request, "Skånebehov", async (editor) => {
    const parsed = await parseForm(request, accommodationFormSchema);
    if (!parsed.success) return parsed.response;
    const change = parsed.data;
    switch (change.intent) {
      case "give-consent":
      case "withdraw-consent":
        await setHealthConsent(db, editor.userId, change.intent === "give-consent", HEALTH_CONSENT_VERSION, new Date(), witnessOf(editor));
        return redirectWithMessage("/profil/skaanebehov", change.intent === "give-consent" ? "samtykke-givet" : "samtykke-trukket");
      case "add": {
        const problem = addItemProblem(await addAccommodation(db, editor.userId, change.label));
        if (problem) return badRequest({ label: problem }, undefined, 409);
        break;
      }
      case "remove":
        await removeProfileItem(db, editor.userId, "accommodations", change.id);
        return redirectWithMessage("/profil/skaanebehov", "fjernet");
      case "visibility": {
        const result = await setAccommodationVisible(db, editor.userId, change.id, change.visible === "ja");
        if (result === "needs_consent") return badRequest({}, "Giv først samtykke øverst på siden. Så kan du vise skånebehov for virksomheder.");
        break;
      }
    }
    return redirectWithMessage("/profil/skaanebehov", "profil-gemt");
  });
}

export default function Accommodations() {
  const { healthConsent, items, suggestions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/profil">Tilbage til Min profil</Link>
      </p>
      <h1>Skånebehov</h1>
      <p>
        Skriv hvad der skal til, for at du kan arbejde godt. Skriv behov, fx &quot;kan ikke løfte tungt&quot;. Skriv ikke diagnoser. Du bestemmer for hvert punkt, om virksomhederne
        kan se det.
      </p>
      <FormError message={actionData?.formError} />

      <section aria-labelledby="consent-h" className="card">
        <h2 id="consent-h">{healthConsentTitle}</h2>
        {healthConsentText.map((t) => (
          <p key={t}>{t}</p>
        ))}
        {healthConsent ? (
          <>
            <p>
              <strong>Du har givet samtykke.</strong> Trækker du det tilbage, sletter vi dine skånebehov med det samme.
            </p>
            <WithdrawHealthConsent intent="withdraw-consent" count={items.length} />
          </>
        ) : (
          <Form method="post" className="actions">
            <p>
              <strong>Du har ikke givet samtykke.</strong> Virksomhederne kan ikke se dine skånebehov.
            </p>
            <SubmitButton name="intent" value="give-consent" pendingText="Gemmer …">
              Jeg giver samtykke
            </SubmitButton>
          </Form>
        )}
      </section>

      <section aria-labelledby="items-h" className="card">
        <h2 id="items-h">Dine skånebehov</h2>
        {items.length === 0 ? (
          <p className="muted">Ingen endnu.</p>
        ) : (
          <ul className="term-list">
            {items.map((item) => (
              <li key={item.id}>
                <span>
                  {item.label} <span className="badge">{item.visible && healthConsent ? "Virksomheder kan se det" : "Kun for dig og jobcentret"}</span>
                </span>
                <Form method="post" className="actions push-right">
                  <input type="hidden" name="id" value={item.id} />
                  {healthConsent ? (
                    <>
                      <input type="hidden" name="visible" value={item.visible ? "nej" : "ja"} />
                      <button type="submit" name="intent" value="visibility" className="secondary">
                        {item.visible ? "Skjul for virksomheder" : "Vis for virksomheder"}
                        <span className="visually-hidden">: {item.label}</span>
                      </button>
                    </>
                  ) : null}
                  <button type="submit" name="intent" value="remove" className="link">
                    Fjern <span className="visually-hidden">{item.label}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {/* A new item remounts the add box, so the field is empty again after "Det er gemt." */}
        <AddAccommodation key={items.map((i) => i.id).join(",")} suggestions={suggestions} errors={actionData?.errors} />
      </section>
      <p>
        <Link to="/profil/forhaandsvisning">Se hvordan virksomhederne ser din profil</Link>
      </p>
    </>
  );
}

function AddAccommodation({ suggestions, errors }: { suggestions: string[]; errors?: Record<string, string> }) {
  const { onSubmit, errorFor, register } = useZodForm(addAccommodationSchema, { serverErrors: errors, defaultValues: { intent: "add" } });
  // Posting to the bare path drops "?besked=…", so "Det er gemt." and an error never show together.
  const { pathname } = useLocation();
  return (
    <Form method="post" action={pathname} className="stack" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="intent" value="add" />
      <TextField
        label="Tilføj et skånebehov"
        hint="Skriv og vælg fra listen, eller skriv med dine egne ord."
        registration={register("label")}
        error={errorFor("label")}
        list="accommodation-options"
        autoComplete="off"
        maxLength={120}
      />
      <Suggestions id="accommodation-options" words={suggestions} />
      <div>
        <SubmitButton className="secondary" pendingText="Tilføjer …">
          Tilføj
        </SubmitButton>
      </div>
    </Form>
  );
}
