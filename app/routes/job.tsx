import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useId } from "react";

import { searchToSave } from "~/alerts/saved-searches.server";
import { requireUser } from "~/auth/guard.server";
import { activeFilters, FilterFold } from "~/components/filter-fold";
import { JobCardView } from "~/components/job-card";
import { ThinProfileInvite } from "~/components/match-reasons";
import { Pager } from "~/components/pager";
import { SaveSearch } from "~/components/save-search";
import { jobFilters } from "~/openings/job-search.server";
import { jobSearchSchema } from "~/openings/schemas";
import { runRead } from "~/readers/pool.server";
import { formDataToObject, zodFieldErrors } from "~/utils/forms.server";
import { listTerms } from "~/vocabularies/vocabularies.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Job" }];

// Flexjobbers only. Without any search the list is "Anbefalet til dig": best match first.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber"] });
  const url = new URL(request.url);
  const industries = (await listTerms(db, "industry")).map((t) => t.label);
  const parsed = jobSearchSchema.safeParse(formDataToObject(url.searchParams));
  if (!parsed.success) return json({ industries, errors: zodFieldErrors(parsed.error), result: null, searching: true, save: null }, { status: 400 });
  const result = await runRead("searchJobs", user.id, jobFilters(parsed.data));
  const save = searchToSave(url.searchParams, { kind: "jobs", input: parsed.data });
  return json({ industries, errors: {} as Record<string, string>, result, searching: url.searchParams.size > 0, save });
}

export default function Jobs() {
  const { industries, errors, result, searching, save } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location.pathname === "/job";
  const qId = useId();
  const industryId = useId();
  const sortId = useId();
  return (
    <>
      <h1>Job</h1>
      <p>
        Job fra virksomheder, der gerne vil have en fleksjobber. <Link to="/job/gemte">Gemte job</Link> · <Link to="/gemte-soegninger">Gemte søgninger</Link> ·{" "}
        <Link to="/job/interesser">Mine interesser</Link>
      </p>
      <Form method="get" className="card" aria-labelledby="search-h">
        <h2 id="search-h">Søg</h2>
        <div className="search-row">
          <div className="field">
            <label htmlFor={qId}>Søgeord</label>
            <input id={qId} type="search" name="q" defaultValue={params.get("q") ?? ""} aria-invalid={errors.q ? true : undefined} />
            {errors.q ? <p className="field-error">{errors.q}</p> : null}
          </div>
          <button type="submit" disabled={busy}>
            {busy ? "Søger …" : "Søg"}
          </button>
        </div>
        <FilterFold active={activeFilters(params)} open={Object.keys(errors).length > 0}>
          <div className="filters">
            <div className="field">
              <label htmlFor={industryId}>Branche</label>
              <select id={industryId} name="branche" defaultValue={params.get("branche") ?? ""}>
                <option value="">Alle</option>
                {industries.map((i) => (
                  <option key={i} value={i}>
                    {i}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={sortId}>Sortér efter</label>
              <select id={sortId} name="sortering" defaultValue={params.get("sortering") ?? "match"}>
                <option value="match">Passer bedst</option>
                <option value="newest">Nyeste</option>
                <option value="deadline">Frist</option>
              </select>
            </div>
          </div>
          <fieldset className="field">
            <legend>Vis kun</legend>
            <div className="checks">
              <Check name="timer" label="Timer der passer til mig" />
              <Check name="afstand" label="Inden for min afstand" />
              <Check name="hjemme" label="Kan udføres hjemmefra" />
              <Check name="ny" label="Nye i denne uge" />
            </div>
          </fieldset>
          <p>
            <button type="submit" className="secondary" disabled={busy}>
              Brug filtrene
            </button>
          </p>
        </FilterFold>
      </Form>

      <section aria-labelledby="results-h" aria-live="polite">
        <h2 id="results-h">{searching ? `${result?.total ?? 0} job` : result?.strength === "empty" ? "Nyeste job" : "Anbefalet til dig"}</h2>
        {result ? <ThinProfileInvite strength={result.strength} /> : null}
        {result && result.total === 0 ? <p>Ingen job passer lige nu. Prøv med færre valg, eller kig igen senere.</p> : null}
        {result?.cards.map((c) => (
          <JobCardView key={c.id} card={c} />
        ))}
        {result ? <Pager page={result.page} pages={result.pages} /> : null}
      </section>
      {save ? <SaveSearch key={save.query} query={save.query} defaultName={save.label} what="job" /> : null}
    </>
  );
}

function Check({ name, label }: { name: string; label: string }) {
  const id = useId();
  const [params] = useSearchParams();
  return (
    <div className="check">
      <input id={id} type="checkbox" name={name} defaultChecked={params.get(name) === "on"} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
