import { json } from "@remix-run/node";

import { redirectWithMessage } from "~/utils/flash.server";
import { formDataToObject, zodFieldErrors } from "~/utils/forms.server";
import { listTerms } from "~/vocabularies/vocabularies.server";

import type { Db } from "../../db/kysely";
import type { ProfileTermKind } from "../../db/schema";
import { termKindText } from "./options";
import { type AddItemResult, addProfileTerm, MAX_ITEMS_PER_LIST, removeProfileItem } from "./profile.server";
import { termListSchema } from "./schemas";

/** Danish answer for an add that did not go through. */
export function addItemProblem(result: AddItemResult): string | null {
  switch (result) {
    case "added":
      return null;
    case "duplicate":
      return "Den står allerede på listen.";
    case "not_in_list":
      return "Vælg en af mulighederne på listen.";
    case "too_many":
      return `Der kan højst være ${MAX_ITEMS_PER_LIST} på listen. Fjern en først.`;
  }
}

/**
 * The add/remove posts of the list editors on a profile page. Errors come
 * back with the list's kind, so the page shows them under the right list.
 */
export async function handleTermListPost(db: Db, userId: string, formData: FormData, { kinds, backTo }: { kinds: readonly ProfileTermKind[]; backTo: string }) {
  const parsed = termListSchema.safeParse(formDataToObject(formData));
  const kind = String(formData.get("kind") ?? "");
  if (!parsed.success) return json({ errors: zodFieldErrors(parsed.error), kind }, { status: 400 });
  const change = parsed.data;
  if (change.intent === "remove") {
    await removeProfileItem(db, userId, "profileTerms", change.id);
    return redirectWithMessage(backTo, "fjernet");
  }
  if (!kinds.includes(change.kind)) return json({ errors: { label: "Vælg en liste." }, kind }, { status: 400 });
  const problem = addItemProblem(await addProfileTerm(db, userId, change.kind, change.label));
  if (problem) return json({ errors: { label: problem }, kind }, { status: 409 });
  return redirectWithMessage(backTo, "profil-gemt");
}

/** The type-ahead words for each list that has a shared vocabulary. */
export async function suggestionsFor(db: Db, kinds: readonly ProfileTermKind[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const kind of kinds) {
    const vocabulary = termKindText[kind].vocabulary;
    out[kind] = vocabulary ? (await listTerms(db, vocabulary)).map((t) => t.label) : [];
  }
  return out;
}
