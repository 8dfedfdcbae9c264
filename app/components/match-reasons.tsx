import type { Match } from "~/matching/score";

/** "87 % match" and the reasons for and against, in words (never colour alone). */
export function MatchReasons({ match, limit }: { match: Match; limit?: number }) {
  const reasons = limit ? match.reasons.slice(0, limit) : match.reasons;
  return (
    <div className="match">
      <p>
        <strong>{match.score} % match</strong>
      </p>
      {reasons.length > 0 ? (
        <ul className="reasons">
          {reasons.map((r) => (
            <li key={r.text} className={r.good ? "good" : "bad"}>
              <span className="visually-hidden">{r.good ? "For: " : "Imod: "}</span>
              <span aria-hidden="true">{r.good ? "✓ " : "✗ "}</span>
              {r.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
