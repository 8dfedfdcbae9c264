import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { CheckboxList, SelectField, SubmitButton, TextField, useZodForm } from "~/components/form";
import { TermListEditor } from "~/components/term-list-editor";
import { editProfile, requireProfileEditor } from "~/profiles/assisted.server";
import { AVAILABILITIES, availabilityLabels, hoursNumber, timeOfDayLabels, TIMES_OF_DAY } from "~/profiles/options";
import { ensureProfile, loadProfileDetails, updateWishes } from "~/profiles/profile.server";
import { handleTermListPost, suggestionsFor } from "~/profiles/profile-actions.server";
import { HOURS_MAX_PER_WEEK, wishesSchema } from "~/profiles/schemas";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, echoValues, parseFormData, readFormData } from "~/utils/forms.server";
import { submittedList, submittedText } from "~/utils/submitted";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Ønsker · Min profil" }];

const KINDS = ["industry", "job_type"] as const;

// The citizen on her own profile, or staff filling it in with her (requireProfileEditor).
export async function loader({ request }: LoaderFunctionArgs) {
  const { userId } = await requireProfileEditor(request);
  await ensureProfile(db, userId);
  const details = await loadProfileDetails(db, userId);
  const p = details?.profile;
  return json({
    wishes: {
      hoursMin: p?.hoursMin != null ? hoursNumber(p.hoursMin) : "",
      hoursMax: p?.hoursMax != null ? hoursNumber(p.hoursMax) : "",
      timesOfDay: details?.timesOfDay ?? [],
      postcode: p?.postcode ?? "",
      maxCommuteKm: p?.maxCommuteKm?.toString() ?? "",
      availability: p?.availability ?? "seeking",
    },
    lists: KINDS.map((kind) => ({ kind, items: details?.terms[kind] ?? [] })),
    suggestions: await suggestionsFor(db, KINDS),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return editProfile(request, "Ønsker", async (editor) => {
    const formData = await readFormData(request);
    if (formData.get("intent") !== "wishes") {
      return handleTermListPost(db, editor.userId, formData, { kinds: KINDS, backTo: "/profil/oensker" });
    }
    const parsed = parseFormData(formData, wishesSchema);
    if (!parsed.success) return parsed.response;
    const result = await updateWishes(db, editor.userId, parsed.data);
    if (result === "unknown_postcode") {
      return badRequest({ postcode: "Vi kender ikke det postnummer. Tjek de 4 cifre." }, undefined, 400, echoValues(formData));
    }
    return redirectWithMessage("/profil/oensker", "profil-gemt");
  });
}

export default function Wishes() {
  const { wishes: stored, lists, suggestions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && !("kind" in actionData) ? actionData : undefined;
  const errors = failed?.errors;
  const sent = failed?.values;
  const wishes = {
    hoursMin: submittedText(sent, "hoursMin", stored.hoursMin),
    hoursMax: submittedText(sent, "hoursMax", stored.hoursMax),
    timesOfDay: submittedList(sent, "timesOfDay", stored.timesOfDay),
    postcode: submittedText(sent, "postcode", stored.postcode),
    maxCommuteKm: submittedText(sent, "maxCommuteKm", stored.maxCommuteKm),
    availability: AVAILABILITIES.find((a) => a === submittedText(sent, "availability", stored.availability)) ?? stored.availability,
  };
  const { onSubmit, errorFor, register } = useZodForm(wishesSchema, { serverErrors: errors, defaultValues: wishes });
  return (
    <>
      <p>
        <Link to="/profil">Tilbage til Min profil</Link>
      </p>
      <h1>Ønsker</h1>
      <section aria-labelledby="wishes-h" className="card">
        <h2 id="wishes-h">Timer, tidspunkter og område</h2>
        <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
          <input type="hidden" name="intent" value="wishes" />
          <fieldset className="field">
            <legend>Hvor mange timer om ugen kan du arbejde?</legend>
            <p className="hint">Skriv fra og til, fx 8 og 15. Højst {HOURS_MAX_PER_WEEK}.</p>
            <TextField label="Fra (timer)" inputMode="numeric" registration={register("hoursMin")} error={errorFor("hoursMin")} defaultValue={wishes.hoursMin} />
            <TextField label="Til (timer)" inputMode="numeric" registration={register("hoursMax")} error={errorFor("hoursMax")} defaultValue={wishes.hoursMax} />
          </fieldset>
          <CheckboxList
            legend="Hvornår på dagen passer det dig bedst? (frivilligt)"
            registration={register("timesOfDay")}
            error={errorFor("timesOfDay")}
            options={TIMES_OF_DAY.map((t) => ({ value: t, label: timeOfDayLabels[t] }))}
            defaultValues={wishes.timesOfDay}
          />
          <TextField
            label="Dit postnummer"
            hint="Virksomhederne ser kun postnummer og by, aldrig din adresse."
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={4}
            registration={register("postcode")}
            error={errorFor("postcode")}
            defaultValue={wishes.postcode}
          />
          <TextField
            label="Hvor langt vil du højst rejse til arbejde? (km)"
            inputMode="numeric"
            registration={register("maxCommuteKm")}
            error={errorFor("maxCommuteKm")}
            defaultValue={wishes.maxCommuteKm}
          />
          <SelectField
            label="Hvor er du lige nu?"
            registration={register("availability")}
            error={errorFor("availability")}
            defaultValue={wishes.availability}
            options={AVAILABILITIES.map((a) => ({ value: a, label: availabilityLabels[a] }))}
          />
          <div>
            <SubmitButton pendingText="Gemmer …">Gem</SubmitButton>
          </div>
        </Form>
      </section>
      {lists.map(({ kind, items }) => (
        <TermListEditor
          key={kind}
          kind={kind}
          items={items}
          suggestions={suggestions[kind] ?? []}
          error={actionData && "kind" in actionData && actionData.kind === kind ? actionData.errors.label : undefined}
        />
      ))}
      <p>
        <Link to="/profil/skaanebehov">Videre til Skånebehov</Link>
      </p>
    </>
  );
}
