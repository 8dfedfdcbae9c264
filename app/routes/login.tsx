import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { attemptLogin, normalizeEmail } from "~/auth/login.server";
import { type Audience, AUDIENCE_LABELS, AUDIENCE_SLUGS, audienceOfRole, configuredAudiences } from "~/auth/oidc-config.server";
import { loginSchema } from "~/auth/schemas";
import { safeRedirect, startSession, validateRequest } from "~/auth/session.server";
import { FormError, SubmitButton, TextField, useZodForm } from "~/components/form";
import { Honeypot } from "~/components/honeypot";
import { honeypotFilled } from "~/security/honeypot";
import { clientIp, LIMITS, reserveAttempt } from "~/security/rate-limit.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Log ind" }];

function loginLimits(ip: string, email: string) {
  return [
    { limit: LIMITS.loginIp, key: ip },
    { limit: LIMITS.loginIpAccount, key: `${ip} ${email}` },
    { limit: LIMITS.loginAccount, key: email },
  ];
}

// Public.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await validateRequest(request);
  if (auth) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  const providers = configuredAudiences().map((audience) => ({ slug: AUDIENCE_SLUGS[audience], button: AUDIENCE_LABELS[audience].button, who: WHO[audience] }));
  return json({ providers });
}

const WHO: Record<Audience, string> = { citizen: "Fleksjobber", business: "Virksomhed", staff: "Medarbejder i kommunen" };

const WRONG_LOGIN = "E-mail eller adgangskode passer ikke. Prøv igen.";

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, loginSchema);
  if (!parsed.success) return parsed.response;
  if (honeypotFilled(parsed.formData)) return badRequest({}, WRONG_LOGIN, 401);
  const { email, password, redirectTo } = parsed.data;
  const limits = loginLimits(clientIp(context), normalizeEmail(email));
  // Counted before the password is checked, so a burst cannot try more than the limit allows.
  const attempt = await reserveAttempt(limits);
  const result = await attemptLogin(db, email, password);
  // Only failures count: a shared office address can sign in all day.
  if (result.status === "ok") await attempt.allowed();
  switch (result.status) {
    case "ok":
      return startSession(result.userId, safeRedirect(redirectTo));
    case "suspended":
      return badRequest({}, "Din adgang er sat på pause. Kontakt jobcentret, hvis du har spørgsmål.", 403);
    case "invalid":
      return badRequest({}, WRONG_LOGIN, 401);
    case "provider_only":
      return badRequest({}, `Du logger nu ind med ${AUDIENCE_LABELS[audienceOfRole(result.role)].provider} i stedet for adgangskode. Brug knappen ovenfor.`, 403);
  }
}

export default function Login() {
  const { providers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { onSubmit, errorFor, register } = useZodForm(loginSchema, { serverErrors: actionData?.errors });
  return (
    <>
      <h1>Log ind</h1>
      {providers.length > 0 ? (
        <>
          <ul className="provider-logins" aria-label="Log ind uden adgangskode">
            {providers.map((p) => (
              <li key={p.slug}>
                <span className="hint">{p.who}</span>
                {/* A plain form: the answer is a redirect to the provider, a full page load. */}
                <form method="post" action={`/login/${p.slug}`}>
                  <input type="hidden" name="purpose" value="login" />
                  <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
                  <button type="submit" className="button">
                    {p.button}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <h2>Eller log ind med e-mail og adgangskode</h2>
        </>
      ) : null}
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField label="E-mail" type="email" autoComplete="email" registration={register("email")} error={errorFor("email")} />
        <TextField label="Adgangskode" type="password" autoComplete="current-password" registration={register("password")} error={errorFor("password")} />
        <Honeypot />
        <FormError message={actionData?.formError} />
        <p>
          <Link to="/glemt-adgangskode">Glemt adgangskode?</Link>
        </p>
        <div>
          <SubmitButton pendingText="Logger ind …">Log ind</SubmitButton>
        </div>
      </Form>
      <h2>Har du ikke en konto?</h2>
      <p>Refleks er lukket. Fleksjobbere får en invitation fra jobcentret.</p>
      <p>
        Er du en virksomhed? <Link to="/adgang">Bed om adgang</Link>.
      </p>
    </>
  );
}
