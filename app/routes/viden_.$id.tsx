import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { isStaff, requireUser } from "~/auth/guard.server";
import { canRead, getArticle, markRead, readCount } from "~/content/articles.server";
import { renderMarkdown } from "~/content/markdown.server";
import { articleStatusLabels, parseTags } from "~/content/options";
import { formatDate } from "~/utils/dates";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Viden" }];

// Every signed-in role, for items published to its audience; staff see drafts and the read count.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber", "company", "staff", "admin"] });
  const a = await getArticle(db, Number(params.id));
  if (!a || !canRead(a, user.role)) throw httpNotFound("Artiklen findes ikke.");
  const staff = isStaff(user);
  if (!staff) await markRead(db, a.id, user.id);
  return json({
    id: a.id,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    html: renderMarkdown(a.body),
    tags: parseTags(a.tags),
    publishedAt: a.publishedAt,
    status: a.status,
    video:
      a.kind === "video" ? { file: a.videoFile ? { type: a.videoType ?? "video/mp4" } : null, url: a.videoUrl, captions: Boolean(a.captionsFile), transcript: a.transcript } : null,
    staff: staff ? { reads: await readCount(db, a.id), status: articleStatusLabels[a.status] } : null,
  });
}

export default function ArticlePage() {
  const a = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/viden">Tilbage til Viden</Link>
      </p>
      <h1>{a.title}</h1>
      <p className="muted">
        {a.publishedAt ? formatDate(a.publishedAt) : ""}
        {a.tags.length > 0 ? ` · ${a.tags.join(", ")}` : ""}
      </p>
      {a.staff ? (
        <p className="notice">
          {a.staff.status} · Læst af {a.staff.reads} · <Link to={`/viden/${a.id}/rediger`}>Ret</Link>
        </p>
      ) : null}
      <p className="lead">{a.summary}</p>
      {a.video ? (
        <section aria-labelledby="video-h">
          <h2 id="video-h">Video</h2>
          {a.video.file ? (
            // Captions are on by default; the transcript is below for those who prefer reading.
            <video controls preload="metadata" className="video" aria-labelledby="video-h">
              <source src={`/viden/${a.id}/video`} type={a.video.file.type} />
              {a.video.captions ? <track kind="captions" srcLang="da" label="Dansk" src={`/viden/${a.id}/undertekster.vtt`} default /> : null}
              Din browser kan ikke vise videoen. <a href={`/viden/${a.id}/video`}>Hent den her</a>.
            </video>
          ) : null}
          {a.video.url ? (
            <p>
              <a href={a.video.url} rel="noopener noreferrer">
                Se videoen (åbner en anden side)
              </a>
            </p>
          ) : null}
          {a.video.transcript ? (
            <details>
              <summary>Læs hvad der bliver sagt (tekstudskrift)</summary>
              <p className="prewrap">{a.video.transcript}</p>
            </details>
          ) : null}
        </section>
      ) : null}
      {/* Rendered from Markdown on the server with raw HTML escaped (see renderMarkdown). */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: a.html }} />
    </>
  );
}
