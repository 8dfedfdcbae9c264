import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guard.server";
import { FormError, SubmitButton } from "~/components/form";
import { listMyInterests, withdrawInterest } from "~/openings/interests.server";
import { stageLabelsForFlexjobber } from "~/openings/options";
import { withdrawInterestSchema } from "~/openings/schemas";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Mine interesser" }];

// Flexjobbers only: the openings she said she is interested in, and a way to take it back.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber"] });
  return json({ interests: await listMyInterests(db, user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["flexjobber"] });
  const parsed = await parseForm(request, withdrawInterestSchema);
  if (!parsed.success) return parsed.response;
  const result = await withdrawInterest(db, user.id, parsed.data.interestId);
  if (result === "hired") return badRequest({}, "Du er ansat i jobbet, så interessen kan ikke trækkes tilbage her. Kontakt jobcentret, hvis noget er forkert.", 409);
  if (result === "not_found") return badRequest({}, "Vi kunne ikke finde den interesse. Måske er den allerede trukket tilbage.", 404);
  return redirectWithMessage("/job/interesser", "interesse-trukket");
}

export default function MyInterests() {
  const { interests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/job">Tilbage til Job</Link>
      </p>
      <h1>Mine interesser</h1>
      <p>Her er de job, du har sagt, at du er interesseret i. Trækker du en interesse tilbage, kan virksomheden ikke længere se den.</p>
      <FormError message={actionData?.formError} />
      {interests.length === 0 ? (
        <p>
          Du har ikke vist interesse for nogen job endnu. <Link to="/job">Find et job</Link>, og tryk &quot;Jeg er interesseret&quot;.
        </p>
      ) : null}
      {interests.map((i) => (
        <article key={i.id} className="card" aria-labelledby={`interest-${i.id}`}>
          <h2 id={`interest-${i.id}`}>
            <Link to={`/job/${i.openingId}`}>{i.title}</Link>
          </h2>
          <dl className="facts">
            <div>
              <dt>Virksomhed</dt>
              <dd>{i.companyName}</dd>
            </div>
            <div>
              <dt>Sendt</dt>
              <dd>{formatDate(i.createdAt)}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{stageLabelsForFlexjobber[i.stage]}</dd>
            </div>
            <div>
              <dt>Dit navn</dt>
              <dd>{i.identityShared ? "Virksomheden kan se det" : "Du er anonym"}</dd>
            </div>
          </dl>
          {i.openingStatus === "closed" ? <p className="muted">Opslaget er lukket.</p> : null}
          {i.stage === "hired" ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="interestId" value={i.id} />
              <SubmitButton className="secondary" pendingText="Trækker tilbage …">
                Træk interessen tilbage <span className="visually-hidden">fra {i.title}</span>
              </SubmitButton>
            </Form>
          )}
        </article>
      ))}
    </>
  );
}
