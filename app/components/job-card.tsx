import { Link } from "@remix-run/react";

import type { JobCard } from "~/openings/job-search.server";
import { formatDate } from "~/utils/dates";

import { MatchReasons } from "./match-reasons";

/** One opening in a list for a flexjobber, with why it fits. Heading level 3. */
export function JobCardView({ card: c }: { card: JobCard }) {
  return (
    <article className="card" aria-labelledby={`job-${c.id}`}>
      <h3 id={`job-${c.id}`}>
        <Link to={`/job/${c.id}`}>{c.title}</Link>
      </h3>
      <p className="muted">
        {[c.companyName, c.hours, c.place, c.deadline ? `Frist ${formatDate(c.deadline)}` : null].filter(Boolean).join(" · ")}
        {c.saved ? " · Gemt" : ""}
      </p>
      {c.match && c.match.reasons.length > 0 ? <MatchReasons match={c.match} limit={6} /> : null}
    </article>
  );
}
