import type { ArticleKind, ArticleStatus } from "../../db/schema";

export const articleKindLabels: Record<ArticleKind, string> = { article: "Artikel", video: "Video" };
export const articleStatusLabels: Record<ArticleStatus, string> = { draft: "Kladde", published: "Udgivet" };

export function parseTags(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}
