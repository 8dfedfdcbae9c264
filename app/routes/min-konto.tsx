import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/client.server";
import { accountDetails, changePassword, requestEmailChange, updatePhone } from "~/auth/account.server";
import { requireUser } from "~/auth/guard.server";
import { listBlockedCompanies, unblockCompany } from "~/messages/safety.server";
import { accountActionSchema, changeEmailSchema, changePasswordSchema, phoneSchema } from "~/auth/schemas";
import { endAllSessions, startSession } from "~/auth/session.server";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { NewPasswordFields } from "~/components/new-password-fields";
import { roleLabels } from "~/users/roles";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { enforceRateLimit, LIMITS } from "~/security/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Min konto" }];

// Everyone signed in: their own phone number, email and password.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [account, blocked] = await Promise.all([accountDetails(db, user.id), listBlockedCompanies(db, user.id)]);
  return json({ account, blocked });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, accountActionSchema);
  if (!parsed.success) return parsed.response;
  const input = parsed.data;
  switch (input.intent) {
    case "unblock":
      await unblockCompany(db, user.id, input.companyId);
      return redirectWithMessage("/min-konto", "blokering-fjernet");
    case "phone":
      await updatePhone(db, user.id, input.phone);
      return redirectWithMessage("/min-konto", "telefon-gemt");
    case "email": {
      // Each try costs a password check and may send an email: limited like "Glemt adgangskode?".
      await enforceRateLimit([{ limit: LIMITS.resetAccount, key: `email-change:${user.id}` }], { record: true });
      const result = await requestEmailChange(db, user.id, input.newEmail, input.emailPassword);
      if (result === "wrong_password") return badRequest({ emailPassword: "Adgangskoden er forkert." });
      if (result === "same") return badRequest({ newEmail: "Det er den e-mail, du bruger nu." });
      return redirectWithMessage("/min-konto", "email-link-sendt");
    }
    case "password": {
      await enforceRateLimit([{ limit: LIMITS.resetAccount, key: `password-change:${user.id}` }], { record: true });
      const result = await changePassword(db, user.id, input.currentPassword, input.password);
      if (result === "wrong_password") return badRequest({ currentPassword: "Adgangskoden er forkert." });
      // Every other session ends (someone who knew the old password is out); this one starts afresh.
      await endAllSessions(user.id);
      return startSession(user.id, "/min-konto?besked=adgangskode-aendret");
    }
  }
}

export default function MyAccount() {
  const { account, blocked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <>
      <h1>Min konto</h1>
      <dl className="facts">
        <div>
          <dt>Navn</dt>
          <dd>{account.name}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>Du er logget ind som</dt>
          <dd>{roleLabels[account.role]}</dd>
        </div>
      </dl>
      <p className="muted">Skal dit navn rettes, så kontakt jobcentret.</p>
      <FormError message={actionData?.formError} />
      <PhoneForm phone={account.phone} role={account.role} errors={errors} />
      <EmailForm pendingEmail={account.pendingEmail} errors={errors} />
      <PasswordForm errors={errors} />
      {blocked.length > 0 ? (
        <section className="card" aria-labelledby="blocked-h">
          <h2 id="blocked-h">Virksomheder du har blokeret</h2>
          <p>De kan ikke finde din profil eller skrive til dig.</p>
          <ul className="term-list">
            {blocked.map((c) => (
              <li key={c.id}>
                {c.name}
                <Form method="post" className="push-right">
                  <input type="hidden" name="intent" value="unblock" />
                  <input type="hidden" name="companyId" value={c.id} />
                  <button type="submit" className="link">
                    Fjern blokering <span className="visually-hidden">af {c.name}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

type Errors = Record<string, string> | undefined;

function PhoneForm({ phone, role, errors }: { phone: string | null; role: string; errors: Errors }) {
  const { onSubmit, errorFor, register } = useZodForm(phoneSchema, { serverErrors: errors, defaultValues: { intent: "phone", phone: phone ?? "" } });
  return (
    <section className="card" aria-labelledby="phone-h">
      <h2 id="phone-h">Telefonnummer</h2>
      <p>
        {role === "flexjobber"
          ? "Virksomheder ser det kun, hvis du siger ja til at dele dine kontaktoplysninger."
          : "Så jobcentret og fleksjobberne kan ringe til dig."}
      </p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="phone" />
        <TextField label="Telefonnummer (frivilligt)" type="tel" autoComplete="tel" hint="Fx 12 34 56 78." registration={register("phone")} error={errorFor("phone")} defaultValue={phone ?? ""} />
        <div>
          <SubmitButton pendingText="Gemmer …">Gem telefonnummer</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function EmailForm({ pendingEmail, errors }: { pendingEmail: string | null; errors: Errors }) {
  const { onSubmit, errorFor, register } = useZodForm(changeEmailSchema, { serverErrors: errors, defaultValues: { intent: "email" } });
  return (
    <section className="card" aria-labelledby="email-h">
      <h2 id="email-h">Skift e-mail</h2>
      <p>Vi sender et link til den nye e-mail. Den gælder først, når du har åbnet linket.</p>
      {pendingEmail ? <p className="notice">Venter på, at du åbner linket, vi sendte til {pendingEmail}.</p> : null}
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="email" />
        <TextField label="Ny e-mail" type="email" autoComplete="email" registration={register("newEmail")} error={errorFor("newEmail")} />
        <TextField label="Din adgangskode" type="password" autoComplete="current-password" registration={register("emailPassword")} error={errorFor("emailPassword")} />
        <div>
          <SubmitButton pendingText="Sender …">Send link</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function PasswordForm({ errors }: { errors: Errors }) {
  const { onSubmit, errorFor, register } = useZodForm(changePasswordSchema, { serverErrors: errors, defaultValues: { intent: "password" } });
  return (
    <section className="card" aria-labelledby="password-h">
      <h2 id="password-h">Skift adgangskode</h2>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="password" />
        <TextField
          label="Nuværende adgangskode"
          type="password"
          autoComplete="current-password"
          registration={register("currentPassword")}
          error={errorFor("currentPassword")}
        />
        <NewPasswordFields
          label="Ny adgangskode"
          password={{ registration: register("password"), error: errorFor("password") }}
          confirm={{ registration: register("passwordConfirm"), error: errorFor("passwordConfirm") }}
        />
        <div>
          <SubmitButton pendingText="Gemmer …">Skift adgangskode</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
