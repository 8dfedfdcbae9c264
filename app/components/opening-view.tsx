import { flexibilityLabels } from "~/openings/options";
import { formatDate } from "~/utils/dates";

import type { Flexibility } from "../../db/schema";
import { Fact, TagSection } from "./facts";

export interface OpeningViewData {
  title: string;
  companyName: string;
  description: string;
  tasks: string[];
  hours: string;
  place: string;
  flexibility: Flexibility;
  industry: string;
  required: string[];
  wanted: string[];
  offers: string[];
  startDate: string | null;
  deadline: string | null;
}

/** An opening as flexjobbers see it; the company's preview uses the same component. Headings start at h2. */
export function OpeningView({ o }: { o: OpeningViewData }) {
  return (
    <article className="opening" aria-label={o.title}>
      <dl className="facts">
        <Fact label="Virksomhed">{o.companyName}</Fact>
        <Fact label="Timer">{o.hours}</Fact>
        <Fact label="Sted">{o.place}</Fact>
        <Fact label="Arbejdstider">{flexibilityLabels[o.flexibility]}</Fact>
        <Fact label="Branche">{o.industry}</Fact>
        {o.startDate ? <Fact label="Start">{formatDate(o.startDate)}</Fact> : null}
        {o.deadline ? <Fact label="Frist">{formatDate(o.deadline)}</Fact> : null}
      </dl>
      <section>
        <h2>Om jobbet</h2>
        <p className="prewrap">{o.description}</p>
      </section>
      {o.tasks.length > 0 ? (
        <section>
          <h2>Opgaver</h2>
          <ul>
            {o.tasks.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <TagSection title="Krævede kompetencer" items={o.required} />
      <TagSection title="Godt at have" items={o.wanted} />
      <TagSection title="Hensyn arbejdspladsen kan tage" items={o.offers} />
    </article>
  );
}
