import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { registerCitizen, searchCitizens } from "~/citizens/citizens.server";
import { accountStateLabels } from "~/citizens/options";
import { citizenListSchema, QUIET_DAYS, registerCitizenSchema } from "~/citizens/schemas";
import { activeFilters, FilterFold } from "~/components/filter-fold";
import { FormError, SelectField, SubmitButton, TextField, useZodForm } from "~/components/form";
import { InviteForm } from "~/components/invite-form";
import { Pager } from "~/components/pager";
import { Field, SelectFilter } from "~/components/search-fields";
import { TableRegion } from "~/components/table-region";
import { emailShown } from "~/email/no-email";
import { employmentStatusLabels } from "~/employment/options";
import { profileStatusLabels } from "~/profiles/options";
import { inviteAndRespond } from "~/users/invite.server";
import { inviteFlexjobberSchema } from "~/users/schemas";
import { listStaff } from "~/users/users.server";
import { formatDate, localDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, echoValues, formDataToObject, type FormFailure, parseFormData, readFormData, zodFieldErrors } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Borgere" }];

// Staff and admins. The list is searched, filtered and paged in the address (50 a page).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = citizenListSchema.safeParse(formDataToObject(new URL(request.url).searchParams));
  // A bad filter gets its Danish message beside the unfiltered first page.
  const query = parsed.success ? parsed.data : citizenListSchema.parse({});
  const [citizens, staff] = await Promise.all([searchCitizens(db, query, user), listStaff(db)]);
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  return json({ citizens, staff, errors, me: user.id, today: localDate() }, { status: parsed.success ? 200 : 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const formData = await readFormData(request);
  const staff = await listStaff(db);
  if (formData.get("intent") === "register") {
    const parsed = parseFormData(formData, registerCitizenSchema);
    if (!parsed.success) return parsed.response;
    const { consultantId, ...input } = parsed.data;
    if (consultantId && !staff.some((s) => s.id === consultantId)) {
      return badRequest({ consultantId: "Vælg en jobkonsulent fra listen." }, undefined, 400, echoValues(parsed.formData));
    }
    const result = await registerCitizen(db, { ...input, consultantId, staffId: user.id });
    if (result === "exists") return badRequest({ email: "Der findes allerede en borger eller bruger med denne e-mail." }, undefined, 409, echoValues(parsed.formData));
    return redirectWithMessage(`/borgere/${result.id}`, "borger-registreret");
  }
  const parsed = parseFormData(formData, inviteFlexjobberSchema);
  if (!parsed.success) return parsed.response;
  const { name, email, consultantId } = parsed.data;
  if (consultantId && !staff.some((s) => s.id === consultantId)) {
    return badRequest({ consultantId: "Vælg en jobkonsulent fra listen." });
  }
  return inviteAndRespond(db, { name, email, role: "flexjobber", invitedBy: user.id, consultantId }, "/borgere", {
    inviterMayKnow: true,
    // Everyone invited is on the citizen list from now on, account or not
    // (an email registered already is the citizen's own row: "exists" is fine).
    beforeSending: async () => void (await registerCitizen(db, { name, email, consultantId, staffId: user.id })),
  });
}

export default function Citizens() {
  const { citizens, staff, errors, me, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const registering = actionData?.values?.intent === "register";
  const consultantOptions = [{ value: "", label: "Ingen jobkonsulent" }, ...staff.map((s) => ({ value: s.id, label: s.name }))];
  return (
    <>
      <h1>Borgere</h1>
      <section aria-labelledby="invite-h">
        <h2 id="invite-h">Inviter en fleksjobber</h2>
        <p>Borgeren får en e-mail med et link. Linket virker i 14 dage.</p>
        <InviteForm
          schema={inviteFlexjobberSchema}
          errors={registering ? undefined : actionData?.errors}
          formError={registering ? undefined : actionData?.formError}
          select={{ name: "consultantId", label: "Jobkonsulent (frivilligt)", defaultValue: me, options: consultantOptions }}
        />
        <details open={registering}>
          <summary>Registrér en borger uden at invitere</summary>
          <RegisterForm failure={registering ? actionData : undefined} consultantOptions={consultantOptions} me={me} today={today} />
        </details>
        <p>
          <Link to="/borgere/import">Importér borgere fra en CSV-fil</Link>
        </p>
      </section>
      <section aria-labelledby="list-h">
        <h2 id="list-h">Borgere ({citizens.total})</h2>
        <CitizenSearch staff={staff} errors={errors} />
        {citizens.total === 0 ? (
          <p>{activeFilters(params) > 0 || params.get("q") ? "Ingen borgere passer til søgningen." : "Der er ingen borgere endnu."}</p>
        ) : (
          <TableRegion caption={`Borgere, side ${citizens.page} af ${citizens.pages}`} head={["Navn", "Konto", "Profil", "Sidst aktiv", "Jobkonsulent", "Status"]}>
            {citizens.rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/borgere/${c.id}`}>{c.name}</Link>
                  <br />
                  <span className="muted">{emailShown(c.email)}</span>
                </td>
                <td>{accountStateLabels[c.account]}</td>
                <td>
                  {c.profileStatus ? profileStatusLabels[c.profileStatus as keyof typeof profileStatusLabels] : "Ingen"}
                  {c.hidden ? " (på pause)" : ""}
                </td>
                <td>{c.lastActive ? formatDate(c.lastActive) : "Aldrig"}</td>
                <td>{c.consultantName ?? "–"}</td>
                <td>{c.employment ? employmentStatusLabels[c.employment] : "Ikke registreret"}</td>
              </tr>
            ))}
          </TableRegion>
        )}
        <Pager page={citizens.page} pages={citizens.pages} />
      </section>
    </>
  );
}

/** Search and filters of the list, sent with GET. */
function CitizenSearch({ staff, errors }: { staff: { id: string; name: string }[]; errors: Record<string, string> }) {
  const [params] = useSearchParams();
  return (
    <Form method="get" className="card" aria-labelledby="find-h">
      <h3 id="find-h">Find en borger</h3>
      <div className="search-row">
        <Field label="Navn, e-mail eller telefon" name="q" error={errors.q} />
        <button type="submit">Søg</button>
      </div>
      <FilterFold active={activeFilters(params)} open={Object.keys(errors).some((k) => k !== "q")}>
        <div className="filters">
          <SelectFilter
            label="Jobkonsulent"
            name="raadgiver"
            options={[{ value: "mine", label: "Mine borgere" }, { value: "ingen", label: "Uden jobkonsulent" }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
            error={errors.raadgiver}
          />
          <SelectFilter label="Konto" name="konto" options={Object.entries(accountStateLabels).map(([value, label]) => ({ value, label }))} error={errors.konto} />
          <SelectFilter
            label="Profil"
            name="profil"
            options={[
              { value: "ingen", label: "Ingen profil" },
              ...Object.entries(profileStatusLabels).map(([value, label]) => ({ value, label })),
              { value: "pause", label: "På pause" },
            ]}
            error={errors.profil}
          />
          <SelectFilter
            label="Status"
            name="status"
            options={[...Object.entries(employmentStatusLabels).map(([value, label]) => ({ value, label })), { value: "ingen", label: "Ikke registreret" }]}
            error={errors.status}
          />
          <SelectFilter label="Ikke logget ind i" name="inaktiv" options={QUIET_DAYS.map((d) => ({ value: String(d), label: `${d} dage eller mere` }))} error={errors.inaktiv} />
          <SelectFilter
            label="Sortér efter"
            name="sortering"
            noEmpty
            options={[
              { value: "navn", label: "Navn" },
              { value: "login", label: "Sidste login, ældste først" },
            ]}
            error={errors.sortering}
          />
        </div>
        <p>
          <button type="submit">Vis</button> <Link to="/borgere">Nulstil</Link>
        </p>
      </FilterFold>
    </Form>
  );
}

function RegisterForm({ failure, consultantOptions, me, today }: { failure?: FormFailure; consultantOptions: { value: string; label: string }[]; me: string; today: string }) {
  const { onSubmit, errorFor, register } = useZodForm(registerCitizenSchema, {
    serverErrors: failure?.errors,
    defaultValues: { intent: "register", consultantId: me, status: "ledig", fromDate: today },
  });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="intent" value="register" />
      <TextField label="Borgerens navn" autoComplete="off" registration={register("name")} error={errorFor("name")} />
      <TextField
        label="Borgerens e-mail (hvis borgeren har en)"
        hint="Har borgeren ingen e-mail, så lad feltet stå tomt og udskriv invitationen på papir bagefter."
        type="email"
        autoComplete="off"
        registration={register("email")}
        error={errorFor("email")}
      />
      <SelectField label="Jobkonsulent" registration={register("consultantId")} error={errorFor("consultantId")} defaultValue={me} options={consultantOptions} />
      <SelectField
        label="Status"
        registration={register("status")}
        error={errorFor("status")}
        defaultValue="ledig"
        options={Object.entries(employmentStatusLabels).map(([value, label]) => ({ value, label }))}
      />
      <TextField label="Status fra" type="date" registration={register("fromDate")} error={errorFor("fromDate")} defaultValue={today} />
      <FormError message={failure?.formError} />
      <div>
        <SubmitButton className="secondary" pendingText="Gemmer …">
          Registrér borger
        </SubmitButton>
      </div>
    </Form>
  );
}
