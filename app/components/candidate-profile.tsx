import type { CompanyProfileView } from "~/profiles/company-view";
import { experienceText } from "~/profiles/options";
import { formatDate } from "~/utils/dates";

import { Fact, TagSection } from "./facts";

/**
 * The anonymised profile exactly as a company sees it. Used on the company's
 * candidate page and on the flexjobber's own preview, so the two cannot differ.
 * Headings start at h2: the page owns the h1.
 */
export function CandidateProfile({ view }: { view: CompanyProfileView }) {
  return (
    <article className="candidate" aria-label={view.alias}>
      {view.headline ? <p className="lead">{view.headline}</p> : null}
      <dl className="facts">
        <Fact label="Timer">{view.hours ?? "Ikke oplyst"}</Fact>
        <Fact label="Område">{view.area ?? "Ikke oplyst"}</Fact>
        {view.maxCommuteKm !== null ? <Fact label="Vil rejse op til">{view.maxCommuteKm} km</Fact> : null}
        <Fact label="Status">{view.availability}</Fact>
        {view.ageBand ? <Fact label="Alder">{view.ageBand}</Fact> : null}
        {view.timesOfDay.length > 0 ? <Fact label="Kan arbejde">{view.timesOfDay.join(", ")}</Fact> : null}
      </dl>
      {view.summary ? (
        <section>
          <h2>Om mig</h2>
          <p className="prewrap">{view.summary}</p>
        </section>
      ) : null}
      <TagSection title="Kompetencer" items={view.competences} />
      <TagSection title="Certifikater og beviser" items={view.certificates} />
      {view.experiences.length > 0 ? (
        <section>
          <h2>Erfaring</h2>
          <ul>
            {view.experiences.map((e, i) => (
              <li key={i}>{experienceText(e)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.education.length > 0 ? (
        <section>
          <h2>Uddannelse og kurser</h2>
          <ul>
            {view.education.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <TagSection title="Ønskede brancher" items={view.industries} />
      <TagSection title="Slags job" items={view.jobTypes} />
      <TagSection title="Gode rammer for mig (skånebehov)" items={view.accommodations} />
      <p className="muted">Opdateret {formatDate(view.updatedAt)}</p>
    </article>
  );
}
