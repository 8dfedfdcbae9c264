import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { db } from "../../db/client.server";
import { requestCompanyAccess } from "~/companies/companies.server";
import { companyAccessSchema } from "~/companies/schemas";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { badRequest, parseForm } from "~/utils/forms.server";
import { Honeypot } from "~/components/honeypot";
import { honeypotFilled } from "~/security/honeypot";
import { clientIp, enforceRateLimit, LIMITS } from "~/security/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Bed om adgang for virksomheder" }];

// Public: companies ask for access here; staff decide.
export async function action({ request, context }: ActionFunctionArgs) {
  await enforceRateLimit([{ limit: LIMITS.publicFormIp, key: clientIp(context) }], { record: true });
  const parsed = await parseForm(request, companyAccessSchema);
  if (!parsed.success) return parsed.response;
  // A bot filled in the trap: it is told what a person would be, nothing is stored.
  if (honeypotFilled(parsed.formData)) return redirect("/adgang/tak");
  const result = await requestCompanyAccess(db, parsed.data);
  if (result.status === "cvr_taken") {
    return badRequest(
      { cvr: "Der er allerede en anmodning eller adgang for dette CVR-nummer. Kontakt jobcentret, hvis I mangler en bruger." },
      undefined,
      409,
    );
  }
  return redirect("/adgang/tak");
}

export default function CompanyAccess() {
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(companyAccessSchema, { serverErrors: actionData?.errors });
  return (
    <>
      <h1>Bed om adgang for jeres virksomhed</h1>
      <p>
        Refleks er et lukket forum. Jobcentret godkender alle virksomheder. Når I er godkendt, får kontaktpersonen en
        e-mail med et link.
      </p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <TextField label="Virksomhedens navn" autoComplete="organization" registration={register("companyName")} error={errorFor("companyName")} />
        <TextField
          label="CVR-nummer"
          hint="8 cifre"
          inputMode="numeric"
          registration={register("cvr")}
          error={errorFor("cvr")}
        />
        <TextField label="Kontaktperson" autoComplete="name" registration={register("contactName")} error={errorFor("contactName")} />
        <TextField label="Kontaktpersonens e-mail" type="email" autoComplete="email" registration={register("email")} error={errorFor("email")} />
        <TextField
          label="Telefon (frivilligt)"
          type="tel"
          autoComplete="tel"
          registration={register("phone")}
          error={errorFor("phone")}
        />
        <Honeypot />
        <FormError message={actionData?.formError} />
        <div>
          <SubmitButton pendingText="Sender …">Send anmodning</SubmitButton>
        </div>
      </Form>
    </>
  );
}
