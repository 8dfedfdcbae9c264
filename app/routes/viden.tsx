import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { isStaff, requireUser } from "~/auth/guard.server";
import { listArticles } from "~/content/articles.server";
import { articleKindLabels, articleStatusLabels, parseTags } from "~/content/options";
import { formatDate } from "~/utils/dates";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Viden" }];

// Every signed-in role; each sees what is published for its audience. Staff see drafts and read counts.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber", "company", "staff", "admin"] });
  const tag = new URL(request.url).searchParams.get("emne")?.trim().toLocaleLowerCase("da-DK").slice(0, 30) || undefined;
  const all = await listArticles(db, { role: user.role });
  const items = tag ? await listArticles(db, { role: user.role, tag }) : all;
  const tags = [...new Set(all.flatMap((a) => parseTags(a.tags)))].sort((a, b) => a.localeCompare(b, "da"));
  return json({
    staff: isStaff(user),
    tag: tag ?? null,
    tags,
    items: items.map((a) => ({ ...a, tags: parseTags(a.tags), reads: a.reads ?? 0 })),
  });
}

export default function Knowledge() {
  const { staff, tag, tags, items } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Viden</h1>
      <p>Artikler og videoer om fleksjob, arbejdsliv og rettigheder.</p>
      {staff ? (
        <p>
          <Link to="/viden/ny" className="button">
            Ny artikel eller video
          </Link>
        </p>
      ) : null}
      {tags.length > 0 ? (
        <nav aria-label="Emner">
          <ul className="tags">
            <li>{tag ? <Link to="/viden">Alle</Link> : <strong aria-current="page">Alle</strong>}</li>
            {tags.map((t) => (
              <li key={t}>{t === tag ? <strong aria-current="page">{t}</strong> : <Link to={`/viden?emne=${encodeURIComponent(t)}`}>{t}</Link>}</li>
            ))}
          </ul>
        </nav>
      ) : null}
      {items.length === 0 ? <p>Der er ikke noget her endnu.</p> : null}
      {items.map((a) => (
        <article key={a.id} className="card" aria-labelledby={`a-${a.id}`}>
          <h2 id={`a-${a.id}`}>
            <Link to={`/viden/${a.id}`}>{a.title}</Link>
          </h2>
          <p className="muted">
            {articleKindLabels[a.kind]}
            {a.publishedAt ? ` · ${formatDate(a.publishedAt)}` : ""}
            {staff ? ` · ${articleStatusLabels[a.status]} · Læst af ${a.reads}` : ""}
          </p>
          <p>{a.summary}</p>
        </article>
      ))}
    </>
  );
}
