import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";

import { requireUser } from "~/auth/guard.server";
import { type Audience, AUDIENCE_LABELS, configuredAudiences } from "~/auth/oidc-config.server";
import { passwordsOff, savePasswordsOff } from "~/auth/password-policy.server";
import { passwordsOffSchema } from "~/auth/schemas";
import { FormError, SubmitButton, TextAreaField, TextField, useZodForm } from "~/components/form";
import { CheckboxList } from "~/components/form";
import { FOLLOW_UP_DAY_LABELS } from "~/follow-up/options";
import { followUpDaysSchema } from "~/follow-up/schemas";
import { followUpThresholds, saveFollowUpThresholds } from "~/follow-up/thresholds.server";
import { getJobcenterContact, saveJobcenterContact } from "~/jobcenter/contact.server";
import { contactSchema } from "~/jobcenter/schemas";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Indstillinger" }];

const settingsSchema = z.discriminatedUnion("intent", [contactSchema.extend({ intent: z.literal("contact") }), passwordsOffSchema, followUpDaysSchema]);

const WHO: Record<Audience, string> = { citizen: "Fleksjobbere", business: "Virksomheder", staff: "Medarbejdere i kommunen" };

// Admins only: the jobcenter's contact details in every footer and on "Hjælp",
// and whether passwords still work where a login provider is configured.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const providers = configuredAudiences().map((a) => ({ value: a, label: `${WHO[a]} logger kun ind med ${AUDIENCE_LABELS[a].provider}` }));
  return json({ contact: await getJobcenterContact(db), providers, passwordsOff: await passwordsOff(db), followUpDays: await followUpThresholds(db) });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const parsed = await parseForm(request, settingsSchema);
  if (!parsed.success) return parsed.response;
  if (parsed.data.intent === "follow-up") {
    const { intent: _intent, ...days } = parsed.data;
    await saveFollowUpThresholds(db, days);
    return redirectWithMessage("/indstillinger", "indstillinger-gemt");
  }
  if (parsed.data.intent === "passwords") {
    await savePasswordsOff(db, parsed.data.off);
    return redirectWithMessage("/indstillinger", "adgangskoder-gemt");
  }
  const { intent: _intent, ...contact } = parsed.data;
  await saveJobcenterContact(db, contact);
  return redirectWithMessage("/indstillinger", "indstillinger-gemt");
}

export default function Settings() {
  const { contact, providers, passwordsOff, followUpDays } = useLoaderData<typeof loader>();
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
        <input type="hidden" name="intent" value="contact" />
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
      {providers.length > 0 ? <PasswordsForm providers={providers} off={passwordsOff} errors={actionData?.errors} /> : null}
      <FollowUpDaysForm days={followUpDays} errors={actionData?.errors} />
    </>
  );
}

function PasswordsForm({ providers, off, errors }: { providers: { value: string; label: string }[]; off: string[]; errors?: Record<string, string> }) {
  const { onSubmit, errorFor, register } = useZodForm(passwordsOffSchema, { serverErrors: errors, defaultValues: { intent: "passwords", off: off as Audience[] } });
  return (
    <>
      <h2>Log ind uden adgangskode</h2>
      <p>
        Når alle i en gruppe kan logge ind med MitID (eller kommunens login), kan adgangskoderne slås fra for dem. Fjernes opsætningen af login-tjenesten senere, virker
        adgangskoderne igen af sig selv, så ingen bliver låst ude.
      </p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="passwords" />
        <CheckboxList legend="Adgangskoder slået fra" registration={register("off")} error={errorFor("off")} options={providers} defaultValues={off} />
        <div>
          <SubmitButton pendingText="Gemmer …">Gem</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** When a row appears on Opfølgning, in days. */
function FollowUpDaysForm({ days, errors }: { days: Record<keyof typeof FOLLOW_UP_DAY_LABELS, number>; errors?: Record<string, string> }) {
  const keys = Object.keys(FOLLOW_UP_DAY_LABELS) as (keyof typeof FOLLOW_UP_DAY_LABELS)[];
  const { onSubmit, errorFor, register } = useZodForm(followUpDaysSchema, { serverErrors: errors, defaultValues: { intent: "follow-up", ...days } });
  return (
    <>
      <h2>Opfølgning</h2>
      <p>Hvor mange dage der skal gå, før en borger, en virksomhed eller et opslag kommer på listerne under Opfølgning.</p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="follow-up" />
        {keys.map((k) => (
          <TextField key={k} label={FOLLOW_UP_DAY_LABELS[k]} inputMode="numeric" registration={register(k)} error={errorFor(k)} defaultValue={String(days[k])} />
        ))}
        <div>
          <SubmitButton pendingText="Gemmer …">Gem dagene</SubmitButton>
        </div>
      </Form>
    </>
  );
}
