import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { TermListEditor } from "~/components/term-list-editor";
import { editProfile, requireProfileEditor } from "~/profiles/assisted.server";
import { ensureProfile, loadProfileDetails } from "~/profiles/profile.server";
import { handleTermListPost, suggestionsFor } from "~/profiles/profile-actions.server";
import { readFormData } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Kompetencer · Min profil" }];

const KINDS = ["competence", "certificate", "education"] as const;

// The citizen on her own profile, or staff filling it in with her (requireProfileEditor).
export async function loader({ request }: LoaderFunctionArgs) {
  const { userId } = await requireProfileEditor(request);
  await ensureProfile(db, userId);
  const details = await loadProfileDetails(db, userId);
  return json({
    lists: KINDS.map((kind) => ({ kind, items: details?.terms[kind] ?? [] })),
    suggestions: await suggestionsFor(db, KINDS),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return editProfile(request, "Kompetencer", async (editor) => {
    return handleTermListPost(db, editor.userId, await readFormData(request), { kinds: KINDS, backTo: "/profil/kompetencer" });
  });
}

export default function Competences() {
  const { lists, suggestions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/profil">Tilbage til Min profil</Link>
      </p>
      <h1>Kompetencer</h1>
      <p>Tilføj én ting ad gangen. Det bliver gemt med det samme.</p>
      {lists.map(({ kind, items }) => (
        <TermListEditor key={kind} kind={kind} items={items} suggestions={suggestions[kind] ?? []} error={actionData?.kind === kind ? actionData.errors.label : undefined} />
      ))}
      <p>
        <Link to="/profil/erfaring">Videre til Erfaring</Link>
      </p>
    </>
  );
}
