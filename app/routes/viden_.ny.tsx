import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { ArticleForm, emptyArticle } from "~/components/article-form";
import { handleArticlePost } from "~/content/article-form.server";
import { redirectWithMessage } from "~/utils/flash.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Ny artikel eller video" }];

// Staff and admins.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  return json(null);
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireUser(request, { roles: STAFF_ROLES });
  const result = await handleArticlePost(db, request, { staffId: staff.id });
  if (!result.ok) return result.response;
  return redirectWithMessage(`/viden/${result.id}`, "artikel-gemt");
}

export default function NewArticle() {
  const failure = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/viden">Tilbage til Viden</Link>
      </p>
      <h1>Ny artikel eller video</h1>
      <ArticleForm stored={emptyArticle} failure={failure} />
    </>
  );
}
