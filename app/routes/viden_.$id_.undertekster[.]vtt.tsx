import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guard.server";
import { canRead, getArticle } from "~/content/articles.server";
import { serveUpload } from "~/content/uploads.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

// Every signed-in role that may read the item: the caption file.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber", "company", "staff", "admin"] });
  const a = await getArticle(db, Number(params.id));
  if (!a || !a.captionsFile || !canRead(a, user.role)) throw httpNotFound("Underteksterne findes ikke.");
  return serveUpload(request, a.captionsFile, "text/vtt; charset=utf-8");
}
