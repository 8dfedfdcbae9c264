import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { SubmitButton, TextAreaField, TextField, useZodForm } from "~/components/form";
import { editProfile, requireProfileEditor } from "~/profiles/assisted.server";
import { ensureProfile, updateAbout } from "~/profiles/profile.server";
import { aboutSchema, HEADLINE_MAX, SUMMARY_MAX } from "~/profiles/schemas";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { submittedTexts } from "~/utils/submitted";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Om dig · Min profil" }];

// The citizen on her own profile, or staff filling it in with her (requireProfileEditor).
export async function loader({ request }: LoaderFunctionArgs) {
  const { userId } = await requireProfileEditor(request);
  const profile = await ensureProfile(db, userId);
  return json({ headline: profile.headline ?? "", summary: profile.summary ?? "", birthDate: profile.birthDate ?? "" });
}

export async function action({ request }: ActionFunctionArgs) {
  return editProfile(request, "Om dig", async (editor) => {
    const parsed = await parseForm(request, aboutSchema);
    if (!parsed.success) return parsed.response;
    await updateAbout(db, editor.userId, parsed.data);
    return redirectWithMessage("/profil", "profil-gemt");
  });
}

export default function About() {
  const stored = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sent = actionData?.values;
  const values = submittedTexts(sent, stored);
  const { onSubmit, errorFor, register } = useZodForm(aboutSchema, { serverErrors: actionData?.errors, defaultValues: values });
  return (
    <>
      <p>
        <Link to="/profil">Tilbage til Min profil</Link>
      </p>
      <h1>Om dig</h1>
      <p>Skriv ikke dit navn, din adresse eller dit telefonnummer her. Virksomhederne skal ikke kunne se, hvem du er, før du siger ja.</p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <TextField
          label="Overskrift"
          hint='Én linje om dig, fx "Rolig og stabil lagermedarbejder med truckcertifikat".'
          registration={register("headline")}
          defaultValue={values.headline}
          error={errorFor("headline")}
          maxLength={HEADLINE_MAX}
        />
        <TextAreaField
          label="Et par linjer om dig (frivilligt)"
          hint="Hvad er du god til? Hvad kan du lide at lave?"
          registration={register("summary")}
          defaultValue={values.summary}
          error={errorFor("summary")}
          maxLength={SUMMARY_MAX}
        />
        <TextField
          label="Fødselsdato (frivilligt)"
          hint="Virksomhederne ser kun din aldersgruppe, fx 40–49 år. Aldrig datoen."
          type="date"
          registration={register("birthDate")}
          defaultValue={values.birthDate}
          error={errorFor("birthDate")}
        />
        <div>
          <SubmitButton pendingText="Gemmer …">Gem</SubmitButton>
        </div>
      </Form>
    </>
  );
}
