import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { ArticleForm } from "~/components/article-form";
import { handleArticlePost } from "~/content/article-form.server";
import { getArticle } from "~/content/articles.server";
import { parseTags } from "~/content/options";
import { redirectWithMessage } from "~/utils/flash.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Ret artikel" }];

const notFound = () => httpNotFound("Artiklen findes ikke.");

// Staff and admins.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const a = await getArticle(db, Number(params.id));
  if (!a) throw notFound();
  return json({
    id: a.id,
    media: { hasVideo: Boolean(a.videoFile), hasCaptions: Boolean(a.captionsFile) },
    stored: {
      kind: a.kind,
      title: a.title,
      summary: a.summary,
      body: a.body,
      tags: parseTags(a.tags).join(", "),
      audience: a.audience,
      status: a.status,
      videoUrl: a.videoUrl ?? "",
      transcript: a.transcript ?? "",
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireUser(request, { roles: STAFF_ROLES });
  const existing = await getArticle(db, Number(params.id));
  if (!existing) throw notFound();
  const result = await handleArticlePost(db, request, { existing, staffId: staff.id });
  if (!result.ok) return result.response;
  return redirectWithMessage(`/viden/${result.id}`, "artikel-gemt");
}

export default function EditArticle() {
  const { id, stored, media } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/viden/${id}`}>Tilbage</Link>
      </p>
      <h1>Ret artikel eller video</h1>
      <ArticleForm stored={stored} failure={failure} media={media} />
    </>
  );
}
