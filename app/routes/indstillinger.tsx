import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/client.server";
import { requireUser } from "~/auth/guard.server";
import { FormError, SubmitButton, TextAreaField, TextField, useZodForm } from "~/components/form";
import { getJobcenterContact, saveJobcenterContact } from "~/jobcenter/contact.server";
import { contactSchema } from "~/jobcenter/schemas";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Indstillinger" }];

// Admins only: the jobcenter's contact details in every footer and on "Hjælp".
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  return json({ contact: await getJobcenterContact(db) });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const parsed = await parseForm(request, contactSchema);
  if (!parsed.success) return parsed.response;
  await saveJobcenterContact(db, parsed.data);
  return redirectWithMessage("/indstillinger", "indstillinger-gemt");
}

export default function Settings() {
  const { contact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { onSubmit, errorFor, register } = useZodForm(contactSchema, {
    serverErrors: actionData?.errors,
    defaultValues: { name: contact.name, address: contact.address ?? "", phone: contact.phone ?? "", email: contact.email, openingHours: contact.openingHours ?? "" },
  });
  return (
    <>
      <h1>Indstillinger</h1>
      <h2>Jobcentrets kontaktoplysninger</h2>
      <p>De står nederst på alle sider og på siden Hjælp, så borgere og virksomheder ved, hvem de kan spørge.</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <TextField label="Navn" hint="Fx Jobcenter Gentofte." registration={register("name")} error={errorFor("name")} defaultValue={contact.name} />
        <TextAreaField label="Adresse (frivilligt)" registration={register("address")} error={errorFor("address")} maxLength={200} defaultValue={contact.address ?? ""} />
        <TextField label="Telefon (frivilligt)" type="tel" registration={register("phone")} error={errorFor("phone")} defaultValue={contact.phone ?? ""} />
        <TextField label="E-mail" type="email" registration={register("email")} error={errorFor("email")} defaultValue={contact.email} />
        <TextAreaField
          label="Åbningstider (frivilligt)"
          hint="Fx Mandag til torsdag 9-15, fredag 9-12."
          registration={register("openingHours")}
          error={errorFor("openingHours")}
          maxLength={500}
          defaultValue={contact.openingHours ?? ""}
        />
        <div>
          <SubmitButton pendingText="Gemmer …">Gem kontaktoplysninger</SubmitButton>
        </div>
      </Form>
    </>
  );
}
