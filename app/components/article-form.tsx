import { Form } from "@remix-run/react";
import { useId } from "react";

import { articleSchema } from "~/content/schemas";
import { audienceLabels, AUDIENCES } from "~/events/options";
import type { FormFailure } from "~/utils/forms.server";
import { submittedTexts } from "~/utils/submitted";

import { FormError, RadioGroup, SelectField, SubmitButton, TextAreaField, TextField, useZodForm } from "./form";

export interface ArticleFormValues {
  kind: string;
  title: string;
  summary: string;
  body: string;
  tags: string;
  audience: string;
  status: string;
  videoUrl: string;
  transcript: string;
}

export const emptyArticle: ArticleFormValues = {
  kind: "article",
  title: "",
  summary: "",
  body: "",
  tags: "",
  audience: "both",
  status: "draft",
  videoUrl: "",
  transcript: "",
};

/** Staff write an article or add a video. A multipart form, so files go with it (also without JavaScript). */
export function ArticleForm({ stored, failure, media }: { stored: ArticleFormValues; failure?: FormFailure; media?: { hasVideo: boolean; hasCaptions: boolean } }) {
  const sent = failure?.values;
  const v = submittedTexts(sent, stored);
  const { onSubmit, errorFor, register } = useZodForm(articleSchema, {
    serverErrors: failure?.errors,
    defaultValues: { ...v, kind: v.kind as "article" | "video", audience: v.audience as (typeof AUDIENCES)[number], status: v.status as "draft" | "published" },
  });
  const videoId = useId();
  const captionsId = useId();
  return (
    <Form method="post" encType="multipart/form-data" className="stack wide" onSubmit={onSubmit} noValidate>
      <FormError message={failure?.formError} />
      <RadioGroup
        legend="Hvad vil du lægge op?"
        registration={register("kind")}
        error={errorFor("kind")}
        defaultValue={v.kind}
        options={[
          { value: "article", label: "En artikel" },
          { value: "video", label: "En video" },
        ]}
      />
      <TextField label="Titel" registration={register("title")} error={errorFor("title")} defaultValue={v.title} maxLength={150} />
      <TextAreaField
        label="Kort resumé"
        hint="Vises i listen. Et par sætninger."
        registration={register("summary")}
        error={errorFor("summary")}
        defaultValue={v.summary}
        maxLength={400}
      />
      <TextAreaField
        label="Tekst"
        hint="Skriv almindelig tekst. Sådan formaterer du: **fed**, *kursiv*, # Overskrift, - punkter og [link](https://…)."
        registration={register("body")}
        error={errorFor("body")}
        defaultValue={v.body}
      />
      <TextField
        label="Emneord (adskilt med komma)"
        hint="Fx samtale, cv, rettigheder."
        registration={register("tags")}
        error={errorFor("tags")}
        defaultValue={v.tags}
        maxLength={300}
      />
      <SelectField
        label="Hvem er det for?"
        registration={register("audience")}
        error={errorFor("audience")}
        defaultValue={v.audience}
        options={AUDIENCES.map((a) => ({ value: a, label: audienceLabels[a] }))}
      />
      <fieldset className="field">
        <legend>Kun for videoer</legend>
        <div className="field">
          <label htmlFor={videoId}>Videofil (mp4 eller webm)</label>
          {media?.hasVideo ? <p className="hint">Der er allerede en video. Vælg en ny fil for at skifte den ud.</p> : null}
          <input
            id={videoId}
            type="file"
            name="video"
            accept="video/mp4,video/webm"
            aria-invalid={errorFor("video") ? true : undefined}
            aria-describedby={errorFor("video") ? `${videoId}-error` : undefined}
          />
          {errorFor("video") ? (
            <p className="field-error" id={`${videoId}-error`}>
              {errorFor("video")}
            </p>
          ) : null}
        </div>
        <TextField label="Eller et link til videoen" type="url" registration={register("videoUrl")} error={errorFor("videoUrl")} defaultValue={v.videoUrl} maxLength={500} />
        <div className="field">
          <label htmlFor={captionsId}>Undertekster (WebVTT, .vtt)</label>
          {media?.hasCaptions ? <p className="hint">Der er allerede undertekster. Vælg en ny fil for at skifte dem ud.</p> : null}
          <input
            id={captionsId}
            type="file"
            name="captions"
            accept=".vtt,text/vtt"
            aria-invalid={errorFor("captions") ? true : undefined}
            aria-describedby={errorFor("captions") ? `${captionsId}-error` : undefined}
          />
          {errorFor("captions") ? (
            <p className="field-error" id={`${captionsId}-error`}>
              {errorFor("captions")}
            </p>
          ) : null}
        </div>
        <TextAreaField
          label="Eller en tekstudskrift"
          hint="Det, der bliver sagt i videoen, skrevet ud."
          registration={register("transcript")}
          error={errorFor("transcript")}
          defaultValue={v.transcript}
        />
      </fieldset>
      <RadioGroup
        legend="Status"
        registration={register("status")}
        error={errorFor("status")}
        defaultValue={v.status}
        options={[
          { value: "draft", label: "Kladde: kun medarbejdere kan se den" },
          { value: "published", label: "Udgivet" },
        ]}
      />
      <div>
        <SubmitButton pendingText="Gemmer …">Gem</SubmitButton>
      </div>
    </Form>
  );
}
