import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { FormError } from "~/components/form";
import { dismissHire, listHiresToConfirm } from "~/employment/employment.server";
import { confirmHireAndNotify } from "~/employment/notices.server";
import { hireDecisionSchema } from "~/employment/schemas";
import { formatDate, localDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Til bekræftelse" }];

// Staff and admins: hires companies marked as "Ansat", waiting to be confirmed.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  return json({ hires: await listHiresToConfirm(db), me: user.id, today: localDate() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, hireDecisionSchema);
  if (!parsed.success) return parsed.response;
  const change = parsed.data;
  if (change.intent === "dismiss") {
    if (!(await dismissHire(db, change.hireId))) return badRequest({}, "Ansættelsen er allerede behandlet.", 409);
    return redirectWithMessage("/bekraeft", "ansaettelse-afvist");
  }
  const result = await confirmHireAndNotify(db, { hireId: change.hireId, staffId: user.id, fromDate: change.fromDate });
  if (result === "not_found") return badRequest({}, "Ansættelsen er allerede behandlet.", 409);
  return redirectWithMessage("/bekraeft", "ansaettelse-bekraeftet");
}

export default function ConfirmHires() {
  const { hires, me, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const mine = hires.filter((h) => h.consultantId === me);
  const others = hires.filter((h) => h.consultantId !== me);
  return (
    <>
      <h1>Til bekræftelse</h1>
      <p>Virksomheder har markeret disse borgere som ansat. Tjek med borgeren eller virksomheden, og bekræft ansættelsen.</p>
      <FormError message={actionData?.formError ?? actionData?.errors?.fromDate} />
      <h2>Dine borgere ({mine.length})</h2>
      {mine.length === 0 ? <p>Ingen.</p> : mine.map((h) => <HireCard key={h.id} hire={h} today={today} />)}
      <h2>Andre borgere ({others.length})</h2>
      {others.length === 0 ? <p>Ingen.</p> : others.map((h) => <HireCard key={h.id} hire={h} today={today} />)}
    </>
  );
}

function HireCard({
  hire: h,
  today,
}: {
  hire: { id: number; name: string; companyName: string; openingTitle: string | null; markedAt: string; consultantName: string | null };
  today: string;
}) {
  const dateId = useId();
  return (
    <article className="card" aria-labelledby={`hire-${h.id}`}>
      <h3 id={`hire-${h.id}`}>{h.name}</h3>
      <p>
        Ansat hos {h.companyName}
        {h.openingTitle ? ` som ${h.openingTitle}` : ""}. Markeret {formatDate(h.markedAt)}. Jobkonsulent: {h.consultantName ?? "ingen"}.
      </p>
      <Form method="post" className="actions">
        <input type="hidden" name="hireId" value={h.id} />
        <label htmlFor={dateId}>I fleksjob fra</label>
        <input id={dateId} type="date" name="fromDate" defaultValue={today} />
        <button type="submit" name="intent" value="confirm">
          Bekræft ansættelsen <span className="visually-hidden">af {h.name}</span>
        </button>
        <button type="submit" name="intent" value="dismiss" className="secondary">
          Ikke korrekt <span className="visually-hidden">for {h.name}</span>
        </button>
      </Form>
    </article>
  );
}
