import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { accountDetails, changePassword, requestEmailChange, updatePhone } from "~/auth/account.server";
import { requireUser } from "~/auth/guard.server";
import { linkedSince, unlinkIdentity } from "~/auth/identities.server";
import { beginOidc, ProviderUnavailable } from "~/auth/oidc.server";
import { AUDIENCE_LABELS, AUDIENCE_SLUGS, audienceConfig, audienceOfRole } from "~/auth/oidc-config.server";
import { passwordsAllowedFor } from "~/auth/password-policy.server";
import { accountActionSchema, changeEmailSchema, changeEmailWithProviderSchema, changePasswordSchema, phoneSchema } from "~/auth/schemas";
import { endAllSessions, startSession } from "~/auth/session.server";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { NewPasswordFields } from "~/components/new-password-fields";
import { emailShown } from "~/email/no-email";
import { listBlockedCompanies, unblockCompany } from "~/messages/safety.server";
import { LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { roleLabels } from "~/users/roles";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Min konto" }];

// Everyone signed in: their own phone number, email and password.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [account, blocked] = await Promise.all([accountDetails(db, user.id), listBlockedCompanies(db, user.id)]);
  const audience = audienceOfRole(user.role);
  const provider = audienceConfig(audience)
    ? {
        slug: AUDIENCE_SLUGS[audience],
        name: AUDIENCE_LABELS[audience].provider,
        linkedSince: await linkedSince(db, user.id, audience),
        passwords: await passwordsAllowedFor(db, audience),
      }
    : null;
  return json({ account, blocked, provider });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, accountActionSchema);
  if (!parsed.success) return parsed.response;
  const input = parsed.data;
  switch (input.intent) {
    case "unlink-provider": {
      const audience = audienceOfRole(user.role);
      // Without passwords the provider is the only way in: it stays.
      if (!(await passwordsAllowedFor(db, audience))) {
        return badRequest({}, `Kommunen bruger kun ${AUDIENCE_LABELS[audience].provider} til at logge ind, så det kan ikke fjernes.`);
      }
      await unlinkIdentity(db, user.id, audience);
      return redirectWithMessage("/min-konto", "login-fjernet");
    }
    case "unblock":
      await unblockCompany(db, user.id, input.companyId);
      return redirectWithMessage("/min-konto", "blokering-fjernet");
    case "phone":
      await updatePhone(db, user.id, input.phone);
      return redirectWithMessage("/min-konto", "telefon-gemt");
    case "email": {
      // Each try costs a password check and may send an email: limited like "Glemt adgangskode?".
      await reserveAttempt([{ limit: LIMITS.resetAccount, key: `email-change:${user.id}` }]);
      const result = await requestEmailChange(db, user.id, input.newEmail, input.emailPassword);
      if (result === "wrong_password") return badRequest({ emailPassword: "Adgangskoden er forkert." });
      if (result === "same") return badRequest({ newEmail: "Det er den e-mail, du bruger nu." });
      return redirectWithMessage("/min-konto", "email-link-sendt");
    }
    case "email-provider": {
      await reserveAttempt([{ limit: LIMITS.resetAccount, key: `email-change:${user.id}` }]);
      const audience = audienceOfRole(user.role);
      if (!audienceConfig(audience) || !(await linkedSince(db, user.id, audience))) {
        return badRequest({}, "Din konto er ikke knyttet til et login uden adgangskode. Brug formularen med din adgangskode.");
      }
      try {
        // On to the provider; the callback sends the link once it is really them.
        return await beginOidc(db, audience, { kind: "email", userId: user.id, newEmail: input.newEmail });
      } catch (error) {
        if (error instanceof ProviderUnavailable) return badRequest({}, `${AUDIENCE_LABELS[audience].provider} svarer ikke lige nu. Prøv igen om lidt.`, 503);
        throw error;
      }
    }
    case "password": {
      await reserveAttempt([{ limit: LIMITS.resetAccount, key: `password-change:${user.id}` }]);
      const result = await changePassword(db, user.id, input.currentPassword, input.password);
      if (result === "wrong_password") return badRequest({ currentPassword: "Adgangskoden er forkert." });
      // Every other session ends (someone who knew the old password is out); this one starts afresh.
      await endAllSessions(user.id);
      return startSession(user.id, "/min-konto?besked=adgangskode-aendret");
    }
  }
}

export default function MyAccount() {
  const { account, blocked, provider } = useLoaderData<typeof loader>();
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
          <dd>{emailShown(account.email)}</dd>
        </div>
        <div>
          <dt>Du er logget ind som</dt>
          <dd>{roleLabels[account.role]}</dd>
        </div>
      </dl>
      <p className="muted">Skal dit navn rettes, så kontakt jobcentret.</p>
      <FormError message={actionData?.formError} />
      <PhoneForm phone={account.phone} role={account.role} errors={errors} />
      {provider ? <ProviderSection provider={provider} hasPassword={account.hasPassword} /> : null}
      {!account.hasPassword && provider?.linkedSince ? (
        <ProviderEmailForm provider={provider.name} pendingEmail={account.pendingEmail} errors={errors} />
      ) : (
        <EmailForm pendingEmail={account.pendingEmail} errors={errors} />
      )}
      <PasswordForm errors={errors} hasPassword={account.hasPassword} />
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
          ? "Virksomheder ser det kun, hvis du siger ja til at dele dine kontaktoplysninger. Er det et mobilnummer, kan du også få SMS, når der sker noget (vælg det under Notifikationer)."
          : "Så jobcentret og fleksjobberne kan ringe til dig."}
      </p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="phone" />
        <TextField
          label="Telefonnummer (frivilligt)"
          type="tel"
          autoComplete="tel"
          hint="Fx 12 34 56 78."
          registration={register("phone")}
          error={errorFor("phone")}
          defaultValue={phone ?? ""}
        />
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

function ProviderSection({ provider, hasPassword }: { provider: { slug: string; name: string; linkedSince: string | null; passwords: boolean }; hasPassword: boolean }) {
  return (
    <section className="card" aria-labelledby="provider-h">
      <h2 id="provider-h">Log ind med {provider.name}</h2>
      {provider.linkedSince ? (
        <>
          <p>
            Din konto er knyttet til {provider.name} siden {formatDate(provider.linkedSince)}. Du kan logge ind uden adgangskode.
          </p>
          {provider.passwords ? (
            <Form method="post">
              <input type="hidden" name="intent" value="unlink-provider" />
              {hasPassword ? null : <p className="hint">Du har ingen adgangskode. Fjerner du {provider.name}, skal du bruge &quot;Glemt adgangskode?&quot; for at logge ind.</p>}
              <SubmitButton pendingText="Fjerner …" className="secondary">
                Fjern {provider.name}
              </SubmitButton>
            </Form>
          ) : (
            <p className="muted">Kommunen bruger kun {provider.name} til at logge ind.</p>
          )}
        </>
      ) : (
        <>
          <p>Så kan du logge ind med {provider.name} i stedet for at huske en adgangskode.</p>
          {/* A plain form: the answer is a redirect to the provider, a full page load. */}
          <form method="post" action={`/login/${provider.slug}`}>
            <input type="hidden" name="purpose" value="link" />
            <button type="submit" className="button">
              Tilknyt {provider.name}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

/** Without a password, MitID (or the audience's provider) proves it is them; a plain form, as the answer is a redirect there. */
function ProviderEmailForm({ provider, pendingEmail, errors }: { provider: string; pendingEmail: string | null; errors: Errors }) {
  const { errorFor, register } = useZodForm(changeEmailWithProviderSchema, { serverErrors: errors, defaultValues: { intent: "email-provider" } });
  return (
    <section className="card" aria-labelledby="email-h">
      <h2 id="email-h">Skift e-mail</h2>
      <p>Du bekræfter med {provider}, at det er dig. Så sender vi et link til den nye e-mail. Den gælder først, når du har åbnet linket.</p>
      {pendingEmail ? <p className="notice">Venter på, at du åbner linket, vi sendte til {pendingEmail}.</p> : null}
      <form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="email-provider" />
        <TextField label="Ny e-mail" type="email" autoComplete="email" registration={register("newEmail")} error={errorFor("newEmail")} />
        <div>
          <button type="submit">Bekræft med {provider} og send link</button>
        </div>
      </form>
    </section>
  );
}

function PasswordForm({ errors, hasPassword }: { errors: Errors; hasPassword: boolean }) {
  const { onSubmit, errorFor, register } = useZodForm(changePasswordSchema, { serverErrors: errors, defaultValues: { intent: "password" } });
  if (!hasPassword) {
    return (
      <section className="card" aria-labelledby="password-h">
        <h2 id="password-h">Adgangskode</h2>
        <p>Du har ingen adgangskode, fordi du logger ind uden. Vil du have en, så log ud og vælg &quot;Glemt adgangskode?&quot; på siden Log ind.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="password-h">
      <h2 id="password-h">Skift adgangskode</h2>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="password" />
        <TextField label="Nuværende adgangskode" type="password" autoComplete="current-password" registration={register("currentPassword")} error={errorFor("currentPassword")} />
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
