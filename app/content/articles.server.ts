import { sql } from "kysely";

import { audiencesFor } from "~/events/options";

import type { Db } from "../../db/kysely";
import { portableSql } from "../../db/portable";
import type { Article, Role } from "../../db/schema";
import { isStaffRole } from "../../db/schema";
import type { ArticleInput } from "./schemas";

// "Viden": articles and videos, and who read them.

export interface MediaFiles {
  videoFile?: string | null;
  videoType?: string | null;
  captionsFile?: string | null;
}

export async function saveArticle(db: Db, input: ArticleInput, media: MediaFiles, { id, staffId }: { id?: number; staffId: string }, now = new Date()): Promise<number> {
  const at = now.toISOString();
  const values = {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    body: input.body,
    tags: JSON.stringify(input.tags),
    audience: input.audience,
    status: input.status,
    videoUrl: input.kind === "video" ? (input.videoUrl ?? null) : null,
    transcript: input.kind === "video" ? (input.transcript ?? null) : null,
    ...media,
    updatedAt: at,
  };
  if (id === undefined) {
    const row = await db
      .insertInto("articles")
      .values({
        videoFile: null,
        videoType: null,
        captionsFile: null,
        ...values,
        createdBy: staffId,
        createdAt: at,
        publishedAt: input.status === "published" ? at : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }
  await db
    .updateTable("articles")
    .set((eb) => ({ ...values, publishedAt: input.status === "published" ? eb.fn.coalesce("publishedAt", eb.val(at)) : null }))
    .where("id", "=", id)
    .execute();
  return id;
}

export async function getArticle(db: Db, id: number): Promise<Article | undefined> {
  return db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
}

/** What this role may read: published items for its audience; staff see everything, drafts too. */
export function canRead(article: Pick<Article, "status" | "audience">, role: Role): boolean {
  if (isStaffRole(role)) return true;
  return article.status === "published" && audiencesFor(role).includes(article.audience);
}

export async function listArticles(db: Db, { role, tag }: { role: Role; tag?: string }) {
  const staff = isStaffRole(role);
  let query = db
    .selectFrom("articles as a")
    .select((eb) => [
      "a.id",
      "a.kind",
      "a.title",
      "a.summary",
      "a.tags",
      "a.status",
      "a.audience",
      "a.publishedAt",
      "a.updatedAt",
      eb
        .selectFrom("articleReads as r")
        .select((x) => x.fn.countAll<number>().as("n"))
        .whereRef("r.articleId", "=", "a.id")
        .as("reads"),
    ])
    .where("a.audience", "in", audiencesFor(role))
    .orderBy("a.updatedAt", "desc");
  if (!staff) query = query.where("a.status", "=", "published");
  if (tag) query = query.where(sql<boolean>`exists (select 1 from ${portableSql(db).jsonStrings(sql.ref("a.tags"))} as t where t.value = ${tag})`);
  return query.execute();
}

/** Counted once per person; staff reading does not count. */
export async function markRead(db: Db, articleId: number, userId: string, now = new Date()): Promise<void> {
  await db
    .insertInto("articleReads")
    .values({ articleId, userId, readAt: now.toISOString() })
    .onConflict((oc) => oc.columns(["articleId", "userId"]).doNothing())
    .execute();
}

export async function readCount(db: Db, articleId: number): Promise<number> {
  const row = await db
    .selectFrom("articleReads")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("articleId", "=", articleId)
    .executeTakeFirstOrThrow();
  return row.n;
}
