import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireCompanyUser } from "~/auth/guard.server";
import { OpeningForm } from "~/components/opening-form";
import { requireOwnOpening } from "~/openings/guard.server";
import { openingFormValues, openingVocabulary, saveOpening } from "~/openings/openings.server";
import { openingSchema } from "~/openings/schemas";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, echoValues, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Ret opslag" }];

// Company users, only for their own company's openings (another company's → 403).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCompanyUser(request);
  const details = await requireOwnOpening(params.id, user.companyId);
  return json({ id: details.opening.id, stored: openingFormValues(details), vocabulary: await openingVocabulary(db) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCompanyUser(request);
  const details = await requireOwnOpening(params.id, user.companyId);
  const parsed = await parseForm(request, openingSchema);
  if (!parsed.success) return parsed.response;
  const result = await saveOpening(db, parsed.data, { companyId: user.companyId, userId: user.id, openingId: details.opening.id });
  if (!result.ok) return badRequest(result.errors, undefined, 400, echoValues(parsed.formData));
  return redirectWithMessage(`/opslag/${result.id}`, "opslag-gemt");
}

export default function EditOpening() {
  const { id, stored, vocabulary } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/opslag/${id}`}>Tilbage til opslaget</Link>
      </p>
      <h1>Ret opslag</h1>
      <OpeningForm stored={stored} failure={failure} vocabulary={vocabulary} submitLabel="Gem" />
    </>
  );
}
