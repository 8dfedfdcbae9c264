import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { deleteSavedSearch, listSavedSearches, MAX_SAVED_SEARCHES, saveSearch } from "~/alerts/saved-searches.server";
import { savedSearchActionSchema } from "~/alerts/schemas";
import { requireUser } from "~/auth/guard.server";
import { FormError } from "~/components/form";
import { SaveSearch } from "~/components/save-search";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";
import type { SavedSearchKind } from "../../db/schema";

export const meta: MetaFunction = () => [{ title: "Gemte søgninger" }];

// Companies (candidate searches) and flexjobbers (job searches): their own saved searches only.
const ROLES = ["company", "flexjobber"] as const;
const kindFor = (role: (typeof ROLES)[number]): SavedSearchKind => (role === "company" ? "candidates" : "jobs");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...ROLES] });
  return json({ searches: await listSavedSearches(db, user.id), kind: kindFor(user.role as (typeof ROLES)[number]) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...ROLES] });
  const parsed = await parseForm(request, savedSearchActionSchema);
  if (!parsed.success) return parsed.response;
  const input = parsed.data;
  if (input.intent === "delete") {
    if (!(await deleteSavedSearch(db, user.id, input.id))) return badRequest({}, "Søgningen findes ikke (længere).", 404);
    return redirectWithMessage("/gemte-soegninger", "soegning-slettet");
  }
  const echo = { query: input.query, name: input.name };
  const result = await saveSearch(db, { userId: user.id, kind: kindFor(user.role as (typeof ROLES)[number]), name: input.name, query: input.query });
  if (result === "invalid") return badRequest({ query: "Søgningen kan ikke gemmes, som den er. Ret den på søgesiden, og prøv igen." }, undefined, 400, echo);
  if (result === "too_many") return badRequest({}, `Du kan højst gemme ${MAX_SAVED_SEARCHES} søgninger. Slet en, du ikke bruger, og prøv igen.`, 409, echo);
  return redirectWithMessage("/gemte-soegninger", "soegning-gemt");
}

export default function SavedSearches() {
  const { searches, kind } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = kind === "candidates" ? { href: "/kandidater", name: "Find kandidater", what: "kandidater" } : { href: "/job", name: "Job", what: "job" };
  const retry = actionData?.values?.query !== undefined ? actionData.values : null;
  return (
    <>
      <h1>Gemte søgninger</h1>
      <p>
        Når der kommer nye {page.what}, der passer til en gemt søgning, får du en notifikation. Du vælger under <Link to="/notifikationer">Notifikationer</Link>, om du også vil
        have en e-mail. Gem en søgning fra <Link to={page.href}>{page.name}</Link>.
      </p>
      <FormError message={actionData?.formError} />
      {retry ? <SaveSearch query={String(retry.query)} defaultName={String(retry.name ?? "")} what={page.what} errors={actionData?.errors} open /> : null}
      {searches.length === 0 ? <p>Du har ingen gemte søgninger endnu.</p> : null}
      {searches.map((s) => (
        <article key={s.id} className="card" aria-labelledby={`search-${s.id}`}>
          <h2 id={`search-${s.id}`}>{s.name}</h2>
          <p>{s.description}</p>
          <p className="muted">
            Gemt {formatDate(s.createdAt)} · {s.hits === 0 ? "ingen nye endnu" : s.hits === 1 ? "1 ny siden" : `${s.hits} nye siden`}
          </p>
          <Form method="post" className="actions">
            <Link to={s.href}>Vis resultater</Link>
            <input type="hidden" name="id" value={s.id} />
            <button type="submit" name="intent" value="delete" className="secondary">
              Slet <span className="visually-hidden">søgningen {s.name}</span>
            </button>
          </Form>
        </article>
      ))}
    </>
  );
}
