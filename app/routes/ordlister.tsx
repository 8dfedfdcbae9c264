import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { addTermSchema, changeTermSchema, vocabularyTitles } from "~/vocabularies/schemas";
import { addTerm, listTerms, renameTerm, setTermActive } from "~/vocabularies/vocabularies.server";

import { db } from "../../db/client.server";
import { VOCABULARY_KINDS, type VocabularyKind } from "../../db/vocabularies/terms";

export const meta: MetaFunction = () => [{ title: "Ordlister" }];

// Staff and admins keep the shared vocabularies.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const lists = await Promise.all(VOCABULARY_KINDS.map(async (kind) => ({ kind, terms: await listTerms(db, kind, { includeInactive: true }) })));
  return json({ lists });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, changeTermSchema);
  if (!parsed.success) return parsed.response;
  const change = parsed.data;
  const result =
    change.intent === "add"
      ? await addTerm(db, change.kind, change.label)
      : change.intent === "rename"
        ? await renameTerm(db, change.id, change.label)
        : await setTermActive(db, change.id, change.intent === "show");
  if (result === "duplicate") return badRequest({ label: "Ordet findes allerede i listen." }, undefined, 409);
  if (result === "not_found") return badRequest({}, "Ordet findes ikke længere. Siden er opdateret.", 404);
  return redirectWithMessage("/ordlister", "ordliste-gemt");
}

export default function Vocabularies() {
  const { lists } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Ordlister</h1>
      <p>Ordene bruges på profiler og jobopslag, så de kan sammenlignes. Skjulte ord kan ikke vælges igen, men står stadig der, hvor de allerede er brugt.</p>
      <FormError message={actionData?.formError ?? actionData?.errors?.label} />
      {lists.map(({ kind, terms }) => (
        <section key={kind} aria-labelledby={`${kind}-h`}>
          <h2 id={`${kind}-h`}>{vocabularyTitles[kind]}</h2>
          <AddTermForm kind={kind} />
          <ul className="term-list">
            {terms.map((t) => (
              <TermRow key={t.id} id={t.id} label={t.label} active={t.active === 1} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function AddTermForm({ kind }: { kind: VocabularyKind }) {
  const { onSubmit, errorFor, register } = useZodForm(addTermSchema, { defaultValues: { intent: "add", kind } });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="kind" value={kind} />
      <TextField label={`Nyt ord i "${vocabularyTitles[kind]}"`} registration={register("label")} error={errorFor("label")} />
      <div>
        <SubmitButton pendingText="Tilføjer …" className="secondary">
          Tilføj
        </SubmitButton>
      </div>
    </Form>
  );
}

function TermRow({ id, label, active }: { id: number; label: string; active: boolean }) {
  const inputId = useId();
  return (
    <li>
      <span className={active ? undefined : "muted"}>
        {label}
        {active ? "" : " (skjult)"}
      </span>
      <details>
        <summary>
          Ret <span className="visually-hidden">{label}</span>
        </summary>
        <Form method="post" className="actions">
          <input type="hidden" name="id" value={id} />
          <label htmlFor={inputId}>Nyt navn</label>
          <input id={inputId} type="text" name="label" defaultValue={label} maxLength={80} required />
          <button type="submit" name="intent" value="rename">
            Gem
          </button>
          <button type="submit" name="intent" value={active ? "hide" : "show"} className="secondary">
            {active ? "Skjul" : "Vis igen"} <span className="visually-hidden">{label}</span>
          </button>
        </Form>
      </details>
    </li>
  );
}
