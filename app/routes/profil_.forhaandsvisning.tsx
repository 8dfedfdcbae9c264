import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { CandidateProfile } from "~/components/candidate-profile";
import { requireProfileEditor } from "~/profiles/assisted.server";
import { toCompanyView } from "~/profiles/company-view";
import { ensureProfile, loadProfileDetails } from "~/profiles/profile.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Sådan ser virksomhederne din profil" }];

// The citizen (or staff filling in the profile with her): the exact anonymised view a company gets of it.
export async function loader({ request }: LoaderFunctionArgs) {
  const { userId } = await requireProfileEditor(request);
  await ensureProfile(db, userId);
  const details = await loadProfileDetails(db, userId);
  if (!details) throw httpNotFound("Profilen findes ikke");
  return json({ view: toCompanyView(details), visible: details.profile.status === "approved" && details.profile.hidden === 0 });
}

export default function Preview() {
  const { view, visible } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/profil">Tilbage til Min profil</Link>
      </p>
      <h1>Sådan ser virksomhederne din profil</h1>
      <div className="notice">
        <p>
          Virksomhederne ser dig som <strong>{view.alias}</strong>. Dit navn, din e-mail, dit telefonnummer og din fødselsdato vises ikke. Dem ser en virksomhed først, hvis du
          siger ja til dens forespørgsel.
        </p>
        {visible ? null : <p>Lige nu kan virksomhederne slet ikke se profilen.</p>}
      </div>
      <CandidateProfile view={view} />
    </>
  );
}
