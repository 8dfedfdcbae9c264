import { Link } from "@remix-run/react";

import type { Match } from "~/matching/score";

/**
 * "Passer 87 %" and the reasons in words (never colour alone): for, against,
 * and, for a flexjobber, competences she could add. The marks are CSS content
 * so screen readers hear the words in front instead.
 */
export function MatchReasons({ match, limit }: { match: Match; limit?: number }) {
  const reasons = limit ? match.reasons.slice(0, limit) : match.reasons;
  return (
    <div className="match">
      <p>
        <strong>Passer {match.score}&nbsp;%</strong>
      </p>
      {reasons.length > 0 ? (
        <ul className="reasons">
          {reasons.map((r) => (
            <li key={r.text} className={r.tip ? "tip" : r.good ? "good" : "bad"}>
              <span className="visually-hidden">{r.tip ? "Forslag: " : r.good ? "For: " : "Imod: "}</span>
              {r.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Shown where openings are recommended while the profile says too little to
 * match on: what to do and why, instead of a list of "0 %".
 */
export function ThinProfileInvite({ strength }: { strength: "empty" | "thin" | "enough" }) {
  if (strength === "enough") return null;
  return (
    <div className="notice">
      {strength === "empty" ? (
        <p>
          Vi kan først finde de job, der passer til dig, når vi ved, hvad du kan. Tilføj dine kompetencer, fx “Rengøring” eller “Kundeservice”, så viser vi de job, der passer
          bedst, og hvorfor. Indtil da ser du de nyeste job.
        </p>
      ) : (
        <p>Du har kun skrevet få kompetencer på din profil. Jo flere du tilføjer, jo bedre kan vi finde de job, der passer til dig, og vise hvorfor.</p>
      )}
      <p>
        <Link to="/profil/kompetencer">Tilføj kompetencer</Link>
      </p>
    </div>
  );
}
