import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useId } from "react";

import { searchToSave } from "~/alerts/saved-searches.server";
import { requireCompanyUser } from "~/auth/guard.server";
import { activeFilters, FilterFold } from "~/components/filter-fold";
import { Pager } from "~/components/pager";
import { SaveSearch } from "~/components/save-search";
import { Field, SelectFilter } from "~/components/search-fields";
import { AVAILABILITIES, availabilityLabels } from "~/profiles/options";
import { candidateSearchSchema, DEFAULT_SEARCH_KM } from "~/profiles/schemas";
import { candidateFilters } from "~/profiles/search.server";
import { runRead } from "~/readers/pool.server";
import { formDataToObject, zodFieldErrors } from "~/utils/forms.server";
import { listActiveTerms } from "~/vocabularies/vocabularies.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Find kandidater" }];

// Company users only. Returns anonymised cards: never a name or contact detail.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCompanyUser(request);
  const url = new URL(request.url);
  const { competence: competences, certificate: certificates, industry: industries } = await listActiveTerms(db, ["competence", "certificate", "industry"]);
  const options = {
    competences: competences.map((t) => t.label),
    certificates: certificates.map((t) => t.label),
    industries: industries.map((t) => t.label),
  };
  const parsed = candidateSearchSchema.safeParse(formDataToObject(url.searchParams));
  if (!parsed.success) {
    return json({ options, errors: zodFieldErrors(parsed.error), result: null, save: null }, { status: 400 });
  }
  const result = await runRead("searchCandidates", user.companyId, candidateFilters(parsed.data));
  const save = searchToSave(url.searchParams, { kind: "candidates", input: parsed.data });
  return json({ options, errors: {} as Record<string, string>, result, save });
}

export default function FindCandidates() {
  const { options, errors, result, save } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/kandidater";
  return (
    <>
      <h1>Find kandidater</h1>
      <p>
        Profilerne er anonyme. Du ser navn og kontaktoplysninger, når borgeren har sagt ja til din forespørgsel. <Link to="/gemte-soegninger">Gemte søgninger</Link>
      </p>
      <Form method="get" className="card" aria-labelledby="search-h">
        <h2 id="search-h">Søg</h2>
        <div className="search-row">
          <Field label="Søg i profilerne" name="q" error={errors.q} hint="Fx lager, kundeservice eller kørekort." />
          <button type="submit" disabled={searching}>
            {searching ? "Søger …" : "Søg"}
          </button>
        </div>
        <FilterFold active={activeFilters(params)} open={Object.keys(errors).some((k) => k !== "q")}>
          <div className="filters">
            <SelectFilter label="Branche" name="branche" options={options.industries} error={errors.branche} />
            <Field label="Timer om ugen, fra" name="timerFra" error={errors.timerFra} numeric />
            <Field label="Timer om ugen, til" name="timerTil" error={errors.timerTil} numeric />
            <Field label="Nær postnummer" name="postnr" error={errors.postnr} numeric />
            <Field label="Inden for (km)" name="km" error={errors.km} numeric hint={`${DEFAULT_SEARCH_KM} km, hvis du ikke skriver andet.`} />
            <SelectFilter label="Status" name="status" options={AVAILABILITIES.map((a) => ({ value: a, label: availabilityLabels[a] }))} error={errors.status} />
            <SelectFilter
              label="Sortér efter"
              name="sortering"
              options={[
                { value: "relevance", label: "Bedste match" },
                { value: "newest", label: "Nyeste" },
              ]}
              noEmpty
            />
          </div>
          <CheckFilter legend="Kompetencer" name="kompetence" options={options.competences} />
          <CheckFilter legend="Certifikater og beviser" name="certifikat" options={options.certificates} />
          <p>
            <button type="submit" className="secondary" disabled={searching}>
              Brug filtrene
            </button>
          </p>
        </FilterFold>
      </Form>

      <section aria-labelledby="results-h" aria-live="polite">
        <h2 id="results-h">{result ? `${result.total} ${result.total === 1 ? "kandidat" : "kandidater"}` : "Ret søgningen"}</h2>
        {result && result.total === 0 ? <p>Ingen profiler passer. Prøv med færre filtre.</p> : null}
        {result?.cards.map((c) => (
          <article key={c.alias} className="card">
            <h3>
              <Link to={`/kandidater/${encodeURIComponent(c.alias)}`}>{c.alias}</Link>
            </h3>
            {c.headline ? <p>{c.headline}</p> : null}
            <p className="muted">{[c.hours, c.area, c.distanceKm !== null ? `${c.distanceKm} km væk` : null, c.availability].filter(Boolean).join(" · ")}</p>
            {c.competences.length > 0 ? (
              <ul className="tags" aria-label="Kompetencer">
                {c.competences.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            ) : null}
          </article>
        ))}
        {result ? <Pager page={result.page} pages={result.pages} /> : null}
      </section>
      {save ? <SaveSearch key={save.query} query={save.query} defaultName={save.label} what="kandidater" /> : null}
    </>
  );
}

function CheckFilter({ legend, name, options }: { legend: string; name: string; options: string[] }) {
  const id = useId();
  const [params] = useSearchParams();
  const chosen = params.getAll(name);
  return (
    <details open={chosen.length > 0}>
      <summary>
        {legend}
        {chosen.length > 0 ? ` (${chosen.length} valgt)` : ""}
      </summary>
      <fieldset className="field">
        <legend className="visually-hidden">{legend}</legend>
        <div className="checks">
          {options.map((o, i) => (
            <div className="check" key={o}>
              <input id={`${id}-${i}`} type="checkbox" name={name} value={o} defaultChecked={chosen.includes(o)} />
              <label htmlFor={`${id}-${i}`}>{o}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
