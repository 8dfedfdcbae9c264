import { Form } from "@remix-run/react";

import { FLEXIBILITIES, flexibilityLabels } from "~/openings/options";
import { DESCRIPTION_MAX, MAX_TASKS, openingSchema, TITLE_MAX } from "~/openings/schemas";
import type { FormFailure } from "~/utils/forms.server";
import { submittedList, submittedText } from "~/utils/submitted";

import { CheckboxField, CheckboxList, FormError, SelectField, SubmitButton, TextAreaField, TextField, useZodForm } from "./form";

export interface OpeningFormValues {
  title: string;
  description: string;
  tasks: string;
  hoursMin: string;
  hoursMax: string;
  flexibility: string;
  remote: boolean;
  postcode: string;
  industry: string;
  required: string[];
  wanted: string[];
  offers: string[];
  startDate: string;
  deadline: string;
}

export const emptyOpening: OpeningFormValues = {
  title: "",
  description: "",
  tasks: "",
  hoursMin: "",
  hoursMax: "",
  flexibility: "by_agreement",
  remote: false,
  postcode: "",
  industry: "",
  required: [],
  wanted: [],
  offers: [],
  startDate: "",
  deadline: "",
};

/** Create and edit an opening. Works without JavaScript; a failed post shows what was typed. */
export function OpeningForm({
  stored,
  failure,
  vocabulary,
  submitLabel,
}: {
  stored: OpeningFormValues;
  failure?: FormFailure;
  vocabulary: { competences: string[]; industries: string[]; accommodations: string[] };
  submitLabel: string;
}) {
  const sent = failure?.values;
  const v: OpeningFormValues = {
    title: submittedText(sent, "title", stored.title),
    description: submittedText(sent, "description", stored.description),
    tasks: submittedText(sent, "tasks", stored.tasks),
    hoursMin: submittedText(sent, "hoursMin", stored.hoursMin),
    hoursMax: submittedText(sent, "hoursMax", stored.hoursMax),
    flexibility: submittedText(sent, "flexibility", stored.flexibility),
    remote: sent ? sent.remote === "on" : stored.remote,
    postcode: submittedText(sent, "postcode", stored.postcode),
    industry: submittedText(sent, "industry", stored.industry),
    required: submittedList(sent, "required", stored.required),
    wanted: submittedList(sent, "wanted", stored.wanted),
    offers: submittedList(sent, "offers", stored.offers),
    startDate: submittedText(sent, "startDate", stored.startDate),
    deadline: submittedText(sent, "deadline", stored.deadline),
  };
  const { onSubmit, errorFor, register } = useZodForm(openingSchema, {
    serverErrors: failure?.errors,
    defaultValues: { ...v, flexibility: v.flexibility as (typeof FLEXIBILITIES)[number] },
  });
  const competenceOptions = vocabulary.competences.map((c) => ({ value: c, label: c }));
  return (
    <Form method="post" className="stack wide" onSubmit={onSubmit} noValidate>
      <FormError message={failure?.formError} />
      <TextField label="Titel" hint='Fx "Køkkenmedhjælper".' registration={register("title")} error={errorFor("title")} defaultValue={v.title} maxLength={TITLE_MAX} />
      <TextAreaField
        label="Om jobbet"
        hint="Fortæl kort om arbejdspladsen, og hvad I tilbyder. Skriv gerne, hvordan I tager hensyn."
        registration={register("description")}
        error={errorFor("description")}
        defaultValue={v.description}
        maxLength={DESCRIPTION_MAX}
      />
      <TextAreaField
        label="Konkrete opgaver (én pr. linje)"
        hint={`Fx "Hjælpe til i køkkenet" og "Sortere varer". Højst ${MAX_TASKS}.`}
        registration={register("tasks")}
        error={errorFor("tasks")}
        defaultValue={v.tasks}
      />
      <fieldset className="field">
        <legend>Timer om ugen</legend>
        <TextField label="Fra (timer)" inputMode="numeric" registration={register("hoursMin")} error={errorFor("hoursMin")} defaultValue={v.hoursMin} />
        <TextField label="Til (timer)" inputMode="numeric" registration={register("hoursMax")} error={errorFor("hoursMax")} defaultValue={v.hoursMax} />
      </fieldset>
      <SelectField
        label="Arbejdstider"
        registration={register("flexibility")}
        error={errorFor("flexibility")}
        defaultValue={v.flexibility}
        options={FLEXIBILITIES.map((f) => ({ value: f, label: flexibilityLabels[f] }))}
      />
      <CheckboxField label="Jobbet kan udføres hjemmefra" registration={register("remote")} error={errorFor("remote")} defaultChecked={v.remote} />
      <TextField
        label="Arbejdspladsens postnummer"
        hint="Kan udelades, hvis jobbet kun udføres hjemmefra."
        inputMode="numeric"
        maxLength={4}
        registration={register("postcode")}
        error={errorFor("postcode")}
        defaultValue={v.postcode}
      />
      <SelectField
        label="Branche"
        registration={register("industry")}
        error={errorFor("industry")}
        defaultValue={v.industry}
        options={[{ value: "", label: "Vælg branche" }, ...vocabulary.industries.map((i) => ({ value: i, label: i }))]}
      />
      <details open={v.required.length > 0}>
        <summary>Krævede kompetencer {v.required.length > 0 ? `(${v.required.length} valgt)` : ""}</summary>
        <CheckboxList legend="Krævede kompetencer" registration={register("required")} error={errorFor("required")} options={competenceOptions} defaultValues={v.required} />
      </details>
      <details open={v.wanted.length > 0}>
        <summary>Ønskede kompetencer {v.wanted.length > 0 ? `(${v.wanted.length} valgt)` : ""}</summary>
        <CheckboxList
          legend="Ønskede kompetencer (godt at have)"
          registration={register("wanted")}
          error={errorFor("wanted")}
          options={competenceOptions}
          defaultValues={v.wanted}
        />
      </details>
      <details open={v.offers.length > 0}>
        <summary>Hensyn I kan tage {v.offers.length > 0 ? `(${v.offers.length} valgt)` : ""}</summary>
        <CheckboxList
          legend="Hensyn arbejdspladsen kan tage"
          hint="Det hjælper fleksjobbere med at se, om jobbet passer til dem."
          registration={register("offers")}
          error={errorFor("offers")}
          options={vocabulary.accommodations.map((a) => ({ value: a, label: a }))}
          defaultValues={v.offers}
        />
      </details>
      <TextField label="Startdato (frivilligt)" type="date" registration={register("startDate")} error={errorFor("startDate")} defaultValue={v.startDate} />
      <TextField
        label="Ansøgningsfrist (frivilligt)"
        hint="Opslaget lukker af sig selv efter fristen."
        type="date"
        registration={register("deadline")}
        error={errorFor("deadline")}
        defaultValue={v.deadline}
      />
      <div>
        <SubmitButton pendingText="Gemmer …">{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
