import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireCompanyUser } from "~/auth/guard.server";
import { emptyOpening, OpeningForm } from "~/components/opening-form";
import { openingVocabulary, saveOpening } from "~/openings/openings.server";
import { openingSchema } from "~/openings/schemas";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, echoValues, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Nyt opslag" }];

// Company users only.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCompanyUser(request);
  return json({ vocabulary: await openingVocabulary(db) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCompanyUser(request);
  const parsed = await parseForm(request, openingSchema);
  if (!parsed.success) return parsed.response;
  const result = await saveOpening(db, parsed.data, { companyId: user.companyId, userId: user.id });
  if (!result.ok) return badRequest(result.errors, undefined, 400, echoValues(parsed.formData));
  return redirectWithMessage(`/opslag/${result.id}`, "opslag-gemt");
}

export default function NewOpening() {
  const { vocabulary } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/opslag">Tilbage til Opslag</Link>
      </p>
      <h1>Nyt opslag</h1>
      <p>Opslaget bliver gemt som kladde. Kun I kan se det, indtil I slår det op.</p>
      <OpeningForm stored={emptyOpening} failure={failure} vocabulary={vocabulary} submitLabel="Gem kladde" />
    </>
  );
}
