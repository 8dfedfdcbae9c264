import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { finishRoundTrip, forgetRoundTripCookie, verifiedIdentity } from "~/auth/oidc.server";
import { audienceConfig } from "~/auth/oidc-config.server";
import { cvrStanding, requestCompanyAccess } from "~/companies/companies.server";
import { companyAccessSchema } from "~/companies/schemas";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { Honeypot } from "~/components/honeypot";
import { getJobcenterContact } from "~/jobcenter/contact.server";
import type { ContactView } from "~/jobcenter/schemas";
import { honeypotFilled } from "~/security/honeypot";
import { clientIp, LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Bed om adgang for virksomheder" }];

/** The CVR and name MitID Erhverv verified in this browser for the request, if any, and the email it gave (a suggestion only). */
async function verifiedCompany(request: Request): Promise<{ cvr: string; name: string; email: string | null } | null> {
  if (!audienceConfig("business")) return null;
  const found = await verifiedIdentity(db, request, "access-request");
  const { cvr, name, email } = found?.identity ?? {};
  return cvr && name ? { cvr, name, email: email ?? null } : null;
}

// Public: companies ask for access here; staff decide.
export async function loader({ request }: LoaderFunctionArgs) {
  const verified = await verifiedCompany(request);
  // Checked at once: a company already here (or already asking) gets its way in, not a form that ends in "taken".
  const standing = verified ? await cvrStanding(db, verified.cvr) : "free";
  return json({ mitidErhverv: audienceConfig("business") !== null, verified, standing, contact: standing === "free" ? null : await getJobcenterContact(db) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await reserveAttempt([{ limit: LIMITS.publicFormIp, key: clientIp(context) }]);
  const verified = await verifiedCompany(request);
  const parsed = await parseForm(request, companyAccessSchema);
  if (!parsed.success) return parsed.response;
  // A bot filled in the trap: it is told what a person would be, nothing is stored.
  if (honeypotFilled(parsed.formData)) return redirect("/adgang/tak");
  const result = await requestCompanyAccess(db, parsed.data, new Date(), verified ?? undefined);
  if (verified && result.status === "ok") {
    await finishRoundTrip(db, request);
    return redirect("/adgang/tak", { headers: { "Set-Cookie": forgetRoundTripCookie } });
  }
  if (result.status === "cvr_taken") {
    return badRequest({ cvr: "Der er allerede en anmodning eller adgang for dette CVR-nummer. Kontakt jobcentret, hvis I mangler en bruger." }, undefined, 409);
  }
  return redirect("/adgang/tak");
}

export default function CompanyAccess() {
  const { mitidErhverv, verified, standing, contact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(companyAccessSchema, {
    serverErrors: actionData?.errors,
    defaultValues: verified ? { cvr: verified.cvr, contactName: verified.name, email: verified.email ?? "" } : undefined,
  });
  if (verified && standing !== "free") return <AlreadyHere cvr={verified.cvr} standing={standing} contact={contact} />;
  return (
    <>
      <h1>Bed om adgang for jeres virksomhed</h1>
      <p>Refleks er et lukket forum. Jobcentret godkender alle virksomheder. Når I er godkendt, får kontaktpersonen en e-mail med et link.</p>
      {verified ? (
        <p className="notice" role="status">
          MitID Erhverv har bekræftet CVR-nummer {verified.cvr} og dit navn, {verified.name}. Jobcentret kan se, at det er bekræftet.
        </p>
      ) : mitidErhverv ? (
        <>
          <p>Brug MitID Erhverv, så er CVR-nummer og dit navn bekræftet, og jobcentret kan svare hurtigere.</p>
          {/* A plain form: the answer is a redirect to MitID Erhverv, a full page load. */}
          <form method="post" action="/login/mitid-erhverv">
            <input type="hidden" name="purpose" value="access-request" />
            <button type="submit" className="button">
              Udfyld med MitID Erhverv
            </button>
          </form>
        </>
      ) : null}
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <TextField label="Virksomhedens navn" autoComplete="organization" registration={register("companyName")} error={errorFor("companyName")} />
        <TextField
          label="CVR-nummer"
          hint={verified ? "Bekræftet med MitID Erhverv" : "8 cifre"}
          inputMode="numeric"
          readOnly={verified !== null}
          defaultValue={verified?.cvr}
          registration={register("cvr")}
          error={errorFor("cvr")}
        />
        <TextField
          label="Kontaktperson"
          hint={verified ? "Bekræftet med MitID Erhverv" : undefined}
          autoComplete="name"
          readOnly={verified !== null}
          defaultValue={verified?.name}
          registration={register("contactName")}
          error={errorFor("contactName")}
        />
        <TextField
          label="Kontaktpersonens e-mail"
          hint={verified?.email ? "Fra MitID Erhverv. Ret den, hvis invitationen skal til en anden adresse." : undefined}
          type="email"
          autoComplete="email"
          defaultValue={verified?.email ?? undefined}
          registration={register("email")}
          error={errorFor("email")}
        />
        <TextField label="Telefon (frivilligt)" type="tel" autoComplete="tel" registration={register("phone")} error={errorFor("phone")} />
        <Honeypot />
        <FormError message={actionData?.formError} />
        <div>
          <SubmitButton pendingText="Sender …">Send anmodning</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** MitID Erhverv returned a CVR the platform knows: the way in, not a form. */
function AlreadyHere({ cvr, standing, contact }: { cvr: string; standing: "pending" | "approved"; contact: ContactView | null }) {
  return (
    <>
      <h1>{standing === "approved" ? "Jeres virksomhed er allerede på Refleks" : "Jeres virksomhed har allerede bedt om adgang"}</h1>
      {standing === "approved" ? (
        <>
          <p>MitID Erhverv har bekræftet CVR-nummer {cvr}. Virksomheden har adgang, så I skal ikke bede om det igen.</p>
          <ul>
            <li>Har du en bruger, så log ind med MitID Erhverv eller din e-mail.</li>
            <li>Har du ikke en bruger, så bed en kollega, der har, om at invitere dig under Kolleger. Eller kontakt jobcentret.</li>
          </ul>
          <p>
            <Link to="/login" className="button">
              Gå til log ind
            </Link>
          </p>
        </>
      ) : (
        <p>
          MitID Erhverv har bekræftet CVR-nummer {cvr}. Der er allerede en anmodning fra jeres virksomhed. Jobcentret svarer den, der bad om adgang. Kontakt jobcentret, hvis det
          haster, eller hvis I vil ændre noget.
        </p>
      )}
      {contact ? (
        <p>
          {contact.name}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
          {contact.phone ? `, telefon ${contact.phone}` : ""}
        </p>
      ) : null}
    </>
  );
}
