import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useId } from "react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { endAllSessions } from "~/auth/session.server";
import { approveCompany, listCompanies, rejectCompany, searchCompanies, setCompanySuspended } from "~/companies/companies.server";
import { companyDecisionSchema, companyListSchema } from "~/companies/schemas";
import { FormError, SubmitButton } from "~/components/form";
import { Pager } from "~/components/pager";
import { Field, SelectFilter } from "~/components/search-fields";
import { TableRegion } from "~/components/table-region";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, formDataToObject, parseForm, zodFieldErrors } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Virksomheder" }];

// Staff and admins. The requests waiting for a decision first; then the companies, searched and paged in the address.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const parsed = companyListSchema.safeParse(formDataToObject(new URL(request.url).searchParams));
  const query = parsed.success ? parsed.data : companyListSchema.parse({});
  const [pending, companies] = await Promise.all([listCompanies(db, "pending"), searchCompanies(db, query)]);
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  return json({ pending, companies, errors, rejectedShown: query.adgang === "rejected" }, { status: parsed.success ? 200 : 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, companyDecisionSchema);
  if (!parsed.success) return parsed.response;
  const decision = parsed.data;
  if (decision.intent === "suspend" || decision.intent === "reactivate") {
    const suspend = decision.intent === "suspend";
    const result = await setCompanySuspended(db, decision.companyId, suspend, {
      staffId: user.id,
      mergePendingRequest: decision.intent === "reactivate" && decision.merge === "ja",
    });
    if (result.status === "not_found") {
      return badRequest({}, suspend ? "Virksomheden findes ikke, eller den er ikke godkendt." : "Virksomheden findes ikke, eller den er ikke spærret.", 409);
    }
    if (result.status === "cvr_in_use") {
      return json(
        {
          errors: {},
          formError:
            result.other.status === "pending"
              ? `Der er kommet en ny anmodning fra samme CVR-nummer (${result.other.name}, ${formatDate(result.other.createdAt)}).`
              : `${result.other.name} har allerede adgang med samme CVR-nummer. Spær den først, hvis denne virksomhed skal åbnes igen.`,
          conflict: { companyId: decision.companyId, other: result.other },
        },
        { status: 409 },
      );
    }
    if (suspend) await Promise.all(result.userIds.map(endAllSessions));
    return redirectWithMessage("/virksomheder", suspend ? "virksomhed-spaerret" : "virksomhed-genaabnet");
  }
  const result = decision.intent === "approve" ? await approveCompany(db, decision.companyId, user.id) : await rejectCompany(db, decision.companyId, user.id, decision.note);
  if (result === "not_pending") {
    return badRequest({}, "Anmodningen er allerede behandlet. Siden er opdateret.", 409);
  }
  if (result === "email_waiting") return redirectWithMessage("/virksomheder", "beslutning-mail-venter");
  return redirectWithMessage("/virksomheder", decision.intent === "approve" ? "virksomhed-godkendt" : "virksomhed-afvist");
}

export default function Companies() {
  const { pending, companies, errors, rejectedShown } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>Virksomheder</h1>
      <FormError message={actionData?.formError ?? actionData?.errors?.note} />
      {actionData && "conflict" in actionData && actionData.conflict.other.status === "pending" ? (
        <section aria-labelledby="conflict-h" className="card">
          <h2 id="conflict-h">Samme CVR-nummer to gange</h2>
          <p>
            Vil I åbne den spærrede virksomhed igen, bliver den nye anmodning fra {actionData.conflict.other.name} afvist og lagt sammen med den. Vil I hellere behandle den nye
            anmodning, så godkend eller afvis den herunder.
          </p>
          <Form method="post" className="actions">
            <input type="hidden" name="companyId" value={actionData.conflict.companyId} />
            <input type="hidden" name="merge" value="ja" />
            <button type="submit" name="intent" value="reactivate">
              Åbn igen og læg den nye anmodning sammen med den
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">Venter på godkendelse ({pending.length})</h2>
        {pending.length === 0 ? <p>Ingen virksomheder venter lige nu.</p> : null}
        {pending.map((c) => (
          <PendingCompany key={c.id} company={c} />
        ))}
      </section>
      <section aria-labelledby="approved-h">
        <h2 id="approved-h">
          {rejectedShown ? "Afviste anmodninger" : "Virksomheder på platformen"} ({companies.total})
        </h2>
        <Form method="get" className="card" aria-labelledby="find-company-h">
          <h3 id="find-company-h">Find en virksomhed</h3>
          <div className="search-row">
            <Field label="Navn eller CVR-nummer" name="q" error={errors.q} />
            <SelectFilter
              label="Adgang"
              name="adgang"
              options={[
                { value: "approved", label: "Godkendt" },
                { value: "suspended", label: "Spærret" },
                { value: "rejected", label: "Afvist" },
              ]}
              error={errors.adgang}
            />
            <button type="submit">Søg</button>
          </div>
          {params.toString() ? <Link to="/virksomheder">Nulstil</Link> : null}
        </Form>
        {rejectedShown ? (
          <CompanyTable companies={companies.rows} caption={`Afviste anmodninger, side ${companies.page} af ${companies.pages}`} />
        ) : (
          <ActiveCompanies companies={companies.rows} caption={`Virksomheder på platformen, side ${companies.page} af ${companies.pages}`} />
        )}
        <Pager page={companies.page} pages={companies.pages} />
      </section>
    </>
  );
}

interface CompanyView {
  id: number;
  name: string;
  cvr: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  createdAt: string;
  decidedAt: string | null;
  cvrVerifiedAt: string | null;
}

function PendingCompany({ company }: { company: CompanyView }) {
  const noteId = useId();
  return (
    <article className="card" aria-labelledby={`company-${company.id}`}>
      <h3 id={`company-${company.id}`}>{company.name}</h3>
      <p>
        CVR {company.cvr} · Kontakt: {company.contactName}, {company.contactEmail}
        {company.contactPhone ? `, ${company.contactPhone}` : ""}
        <br />
        {company.cvrVerifiedAt ? (
          <>
            <strong>CVR bekræftet med MitID Erhverv</strong> (også kontaktpersonens navn)
            <br />
          </>
        ) : null}
        <span className="muted">Sendt {formatDate(company.createdAt)}</span>
      </p>
      <div className="actions">
        <Form method="post">
          <input type="hidden" name="companyId" value={company.id} />
          <SubmitButton name="intent" value="approve" pendingText="Godkender …">
            Godkend {company.name}
          </SubmitButton>
        </Form>
      </div>
      <details>
        <summary>Afvis anmodningen</summary>
        <Form method="post" className="stack">
          <input type="hidden" name="companyId" value={company.id} />
          <div className="field">
            <label htmlFor={noteId}>Begrundelse til virksomheden (frivilligt)</label>
            <textarea id={noteId} name="note" rows={3} maxLength={500} />
          </div>
          <div>
            <SubmitButton name="intent" value="reject" pendingText="Afviser …" className="secondary">
              Afvis {company.name}
            </SubmitButton>
          </div>
        </Form>
      </details>
    </article>
  );
}

function ActiveCompanies({
  companies,
  caption,
}: {
  companies: {
    id: number;
    name: string;
    cvr: string;
    status: string;
    contactName: string;
    contactEmail: string;
    users: number | null;
    openings: number | null;
    hires: number | null;
  }[];
  caption: string;
}) {
  if (companies.length === 0) return <p>Ingen virksomheder her.</p>;
  return (
    <TableRegion caption={caption} head={["Navn", "Kontakt", "Brugere", "Opslag", "Ansættelser", "Adgang"]}>
      {companies.map((c) => (
        <tr key={c.id}>
          <td>
            {c.name}
            <br />
            <span className="muted">CVR {c.cvr}</span>
          </td>
          <td>
            {c.contactName}
            <br />
            {c.contactEmail}
          </td>
          <td>{c.users ?? 0}</td>
          <td>{c.openings ?? 0}</td>
          <td>{c.hires ?? 0}</td>
          <td>
            <Form method="post" className="actions">
              <input type="hidden" name="companyId" value={c.id} />
              {c.status === "suspended" ? <span className="badge">Spærret</span> : null}
              <button type="submit" name="intent" value={c.status === "suspended" ? "reactivate" : "suspend"} className="secondary">
                {c.status === "suspended" ? "Åbn igen" : "Spær"} <span className="visually-hidden">{c.name}</span>
              </button>
            </Form>
          </td>
        </tr>
      ))}
    </TableRegion>
  );
}

function CompanyTable({ companies, caption }: { companies: Pick<CompanyView, "id" | "name" | "cvr" | "contactName" | "contactEmail" | "decidedAt">[]; caption: string }) {
  if (companies.length === 0) return <p>Ingen virksomheder her.</p>;
  return (
    <TableRegion caption={caption} head={["Navn", "CVR", "Kontakt", "Besluttet"]}>
      {companies.map((c) => (
        <tr key={c.id}>
          <td>{c.name}</td>
          <td>{c.cvr}</td>
          <td>
            {c.contactName}
            <br />
            {c.contactEmail}
          </td>
          <td>{c.decidedAt ? formatDate(c.decidedAt) : "–"}</td>
        </tr>
      ))}
    </TableRegion>
  );
}
