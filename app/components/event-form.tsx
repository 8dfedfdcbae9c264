import { Form } from "@remix-run/react";

import { audienceLabels, AUDIENCES } from "~/events/options";
import { eventSchema } from "~/events/schemas";
import type { FormFailure } from "~/utils/forms.server";
import { submittedTexts } from "~/utils/submitted";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, useZodForm } from "./form";

export interface EventFormValues {
  title: string;
  description: string;
  day: string;
  startTime: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  audience: string;
  capacity: string;
  signupDeadline: string;
}

export const emptyEvent: EventFormValues = {
  title: "",
  description: "",
  day: "",
  startTime: "10:00",
  endTime: "12:00",
  place: "",
  onlineUrl: "",
  audience: "flexjobbers",
  capacity: "20",
  signupDeadline: "",
};

/** Staff create and edit events. Times are Danish local time. */
export function EventForm({ stored, failure, submitLabel }: { stored: EventFormValues; failure?: FormFailure; submitLabel: string }) {
  const sent = failure?.values;
  const v = submittedTexts(sent, stored);
  const { onSubmit, errorFor, register } = useZodForm(eventSchema, {
    serverErrors: failure?.errors,
    defaultValues: { ...v, audience: v.audience as (typeof AUDIENCES)[number] },
  });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <FormError message={failure?.formError} />
      <input type="hidden" name="intent" value="save" />
      <TextField label="Titel" registration={register("title")} error={errorFor("title")} defaultValue={v.title} maxLength={120} />
      <TextAreaField label="Beskrivelse" registration={register("description")} error={errorFor("description")} defaultValue={v.description} maxLength={4000} />
      <TextField label="Dato" type="date" registration={register("day")} error={errorFor("day")} defaultValue={v.day} />
      <TextField label="Starter kl." type="time" registration={register("startTime")} error={errorFor("startTime")} defaultValue={v.startTime} />
      <TextField label="Slutter kl." type="time" registration={register("endTime")} error={errorFor("endTime")} defaultValue={v.endTime} />
      <TextField
        label="Sted (adresse)"
        hint="Eller skriv et link herunder, hvis det er online."
        registration={register("place")}
        error={errorFor("place")}
        defaultValue={v.place}
        maxLength={200}
      />
      <TextField label="Link til online møde" type="url" registration={register("onlineUrl")} error={errorFor("onlineUrl")} defaultValue={v.onlineUrl} maxLength={500} />
      <SelectField
        label="Hvem er det for?"
        registration={register("audience")}
        error={errorFor("audience")}
        defaultValue={v.audience}
        options={AUDIENCES.map((a) => ({ value: a, label: audienceLabels[a] }))}
      />
      <TextField label="Antal pladser" inputMode="numeric" registration={register("capacity")} error={errorFor("capacity")} defaultValue={v.capacity} />
      <TextField
        label="Sidste dag for tilmelding (frivilligt)"
        type="date"
        registration={register("signupDeadline")}
        error={errorFor("signupDeadline")}
        defaultValue={v.signupDeadline}
      />
      <div>
        <SubmitButton pendingText="Gemmer …">{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
