import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guard.server";
import { listSavedOpenings } from "~/openings/interests.server";
import { formatDate, localDate } from "~/utils/dates";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Gemte job" }];

// Flexjobbers only: their own saved openings, soonest deadline first.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber"] });
  return json({ saved: await listSavedOpenings(db, user.id), today: localDate() });
}

export default function SavedJobs() {
  const { saved, today } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/job">Tilbage til Job</Link>
      </p>
      <h1>Gemte job</h1>
      {saved.length === 0 ? <p>Du har ikke gemt nogen job endnu. Tryk &quot;Gem jobbet&quot; på et job, du vil kigge på igen.</p> : null}
      <ul className="steps">
        {saved.map((s) => {
          const closed = s.status !== "published" || (s.deadline !== null && s.deadline < today);
          return (
            <li key={s.id}>
              <span>
                <Link to={`/job/${s.id}`}>{s.title}</Link>
                <br />
                <span className="muted">{s.companyName}</span>
              </span>
              <span>{closed ? "Lukket" : s.deadline ? `Frist ${formatDate(s.deadline)}` : "Ingen frist"}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
