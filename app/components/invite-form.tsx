import { Form } from "@remix-run/react";
import type * as z from "zod";

import { FormError, SelectField, SubmitButton, TextField, useZodForm } from "./form";

type InviteValues = Record<string, string | undefined>;

/** The invite form shared by Borgere, Kolleger and Medarbejdere: name, email and at most one choice. */
export function InviteForm({
  schema,
  errors,
  formError,
  select,
}: {
  schema: z.ZodObject<{ name: z.ZodType; email: z.ZodType }>;
  errors?: Record<string, string>;
  formError?: string;
  select?: { name: string; label: string; options: { value: string; label: string }[]; defaultValue: string };
}) {
  const { onSubmit, errorFor, register } = useZodForm(schema as unknown as z.ZodType<InviteValues, InviteValues>, {
    serverErrors: errors,
    defaultValues: select ? { [select.name]: select.defaultValue } : undefined,
  });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <TextField label="Navn" autoComplete="off" registration={register("name")} error={errorFor("name")} />
      <TextField label="E-mail" type="email" autoComplete="off" registration={register("email")} error={errorFor("email")} />
      {select ? (
        <SelectField label={select.label} registration={register(select.name)} error={errorFor(select.name)} defaultValue={select.defaultValue} options={select.options} />
      ) : null}
      <FormError message={formError} />
      <div>
        <SubmitButton pendingText="Sender …">Send invitation</SubmitButton>
      </div>
    </Form>
  );
}
