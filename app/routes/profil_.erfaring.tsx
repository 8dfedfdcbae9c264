import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";

import { RadioGroup, SubmitButton, TextField, useZodForm } from "~/components/form";
import { RemoveItemForm } from "~/components/remove-item-form";
import { Suggestions } from "~/components/suggestions";
import { editProfile, requireProfileEditor } from "~/profiles/assisted.server";
import { experienceText } from "~/profiles/options";
import { addExperience, ensureProfile, loadProfileDetails, removeProfileItem, setShowEmployerNames } from "~/profiles/profile.server";
import { addItemProblem } from "~/profiles/profile-actions.server";
import { employerNamesSchema, experienceFormSchema, experienceSchema } from "~/profiles/schemas";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { listTerms } from "~/vocabularies/vocabularies.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Erfaring · Min profil" }];

// The citizen on her own profile, or staff filling it in with her (requireProfileEditor).
export async function loader({ request }: LoaderFunctionArgs) {
  const { userId } = await requireProfileEditor(request);
  await ensureProfile(db, userId);
  const details = await loadProfileDetails(db, userId);
  return json({
    experiences: (details?.experiences ?? []).map(({ id, title, industry, employer, years }) => ({ id, title, industry, employer, years })),
    showEmployerNames: details?.profile.showEmployerNames === 1,
    industries: (await listTerms(db, "industry")).map((t) => t.label),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return editProfile(request, "Erfaring", async (editor) => {
    const parsed = await parseForm(request, experienceFormSchema);
    if (!parsed.success) return parsed.response;
    const change = parsed.data;
    if (change.intent === "remove") {
      await removeProfileItem(db, editor.userId, "experiences", change.id);
      return redirectWithMessage("/profil/erfaring", "fjernet");
    } else if (change.intent === "employer-names") {
      await setShowEmployerNames(db, editor.userId, change.showEmployerNames === "ja");
    } else {
      const { intent: _intent, ...input } = change;
      const problem = addItemProblem(await addExperience(db, editor.userId, input));
      if (problem) return badRequest({ title: problem }, undefined, 409);
    }
    return redirectWithMessage("/profil/erfaring", "profil-gemt");
  });
}

export default function ExperiencePage() {
  const { experiences, showEmployerNames, industries } = useLoaderData<typeof loader>();
  const names = useZodForm(employerNamesSchema, {
    defaultValues: { intent: "employer-names", showEmployerNames: showEmployerNames ? "ja" : "nej" },
  });
  return (
    <>
      <p>
        <Link to="/profil">Tilbage til Min profil</Link>
      </p>
      <h1>Erfaring</h1>
      <section aria-labelledby="list-h" className="card">
        <h2 id="list-h">Din erfaring</h2>
        {experiences.length === 0 ? (
          <p className="muted">Ingen endnu. Alt tæller: fleksjob, praktik, frivilligt arbejde.</p>
        ) : (
          <ul className="term-list">
            {experiences.map((e) => (
              <li key={e.id}>
                <span>{experienceText(e)}</span>
                <RemoveItemForm id={e.id} label={e.title} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* A new line remounts the add form: empty fields, so "Tilføj" twice adds one. */}
      <AddExperience key={experiences.map((e) => e.id).join(",")} industries={industries} />

      <section aria-labelledby="names-h" className="card">
        <h2 id="names-h">Arbejdsgivernavne</h2>
        <Form method="post" className="stack" onSubmit={names.onSubmit} noValidate>
          <input type="hidden" name="intent" value="employer-names" />
          <RadioGroup
            legend="Vis arbejdsgivernavne for virksomheder?"
            registration={names.register("showEmployerNames")}
            defaultValue={showEmployerNames ? "ja" : "nej"}
            error={names.errorFor("showEmployerNames")}
            options={[
              { value: "nej", label: "Nej, vis kun stilling og branche" },
              { value: "ja", label: "Ja, vis arbejdsgivernes navne" },
            ]}
          />
          <div>
            <SubmitButton className="secondary" pendingText="Gemmer …">
              Gem valg
            </SubmitButton>
          </div>
        </Form>
      </section>
      <p>
        <Link to="/profil/oensker">Videre til Ønsker</Link>
      </p>
    </>
  );
}

function AddExperience({ industries }: { industries: string[] }) {
  const actionData = useActionData<typeof action>();
  // Posting to the bare path drops "?besked=…", so "Det er gemt." and an error never show together.
  const { pathname } = useLocation();
  const add = useZodForm(experienceSchema, { serverErrors: actionData?.errors, defaultValues: { intent: "add" } });
  return (
    <section aria-labelledby="add-h" className="card">
      <h2 id="add-h">Tilføj erfaring</h2>
      <Form method="post" action={pathname} className="stack" onSubmit={add.onSubmit} noValidate>
        <input type="hidden" name="intent" value="add" />
        <TextField label="Stilling" hint='Fx "Lagermedarbejder".' registration={add.register("title")} error={add.errorFor("title")} maxLength={80} />
        <TextField
          label="Branche (frivilligt)"
          registration={add.register("industry")}
          error={add.errorFor("industry")}
          list="industry-options"
          autoComplete="off"
          maxLength={80}
        />
        <Suggestions id="industry-options" words={industries} />
        <TextField label="Arbejdsgiver (frivilligt)" registration={add.register("employer")} error={add.errorFor("employer")} maxLength={80} />
        <TextField label="Antal år (frivilligt)" inputMode="numeric" registration={add.register("years")} error={add.errorFor("years")} />
        <div>
          <SubmitButton pendingText="Tilføjer …">Tilføj</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
