import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { requestVerifiedEmailChange } from "~/auth/account.server";
import { linkedUserId, linkIdentity, loginWithIdentity } from "~/auth/identities.server";
import { completeOidc, finishRoundTrip, forgetRoundTripCookie, ProviderUnavailable, requireConfiguredAudience } from "~/auth/oidc.server";
import { cancelledPage, cvrMismatchPage, notLinkedPage, providerUnavailablePage, rejectedCallbackPage, suspendedPage, unknownIdentityPage } from "~/auth/provider-pages.server";
import { startSession, validateRequest } from "~/auth/session.server";
import { ProviderMessage } from "~/components/provider-message";
import { clientIp, LIMITS, reserveAttempt } from "~/security/rate-limit.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Log ind" }];

// Public: where the identity provider sends the browser back. Only a callback
// that finishes this browser's own round trip (state, nonce, PKCE) counts;
// anything else is a 400 and starts no session.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const audience = requireConfiguredAudience(params.provider);
  const limits = [{ limit: LIMITS.loginIp, key: clientIp(context) }];
  // Counted before the code is exchanged; taken back when the callback turns out good.
  const attempt = await reserveAttempt(limits);
  let result: Awaited<ReturnType<typeof completeOidc>>;
  try {
    result = await completeOidc(db, request, audience);
  } catch (error) {
    await attempt.allowed();
    if (error instanceof ProviderUnavailable) return providerUnavailablePage(audience);
    throw error;
  }
  if (!result.ok) {
    return result.reason === "cancelled" ? cancelledPage(audience) : rejectedCallbackPage();
  }
  const { purpose, identity } = result;
  if (purpose.kind !== "login") await attempt.allowed();
  const forget: [string, string][] = [["Set-Cookie", forgetRoundTripCookie]];
  switch (purpose.kind) {
    case "login": {
      await finishRoundTrip(db, request);
      const outcome = await loginWithIdentity(db, identity);
      if (outcome.status === "ok") await attempt.allowed();
      if (outcome.status === "unknown") return unknownIdentityPage(audience);
      if (outcome.status === "cvr_mismatch") return cvrMismatchPage();
      if (outcome.status === "suspended") return suspendedPage();
      if (outcome.status === "linked_elsewhere") return notLinkedPage(audience);
      return startSession(outcome.userId, purpose.redirectTo, { audience, idToken: identity.idToken }, forget);
    }
    case "link": {
      await finishRoundTrip(db, request);
      const auth = await validateRequest(request);
      if (!auth || auth.user.id !== purpose.userId) return rejectedCallbackPage();
      // The signed-in person chose this identity on Min konto: it replaces their old one.
      const linked = await linkIdentity(db, auth.user.id, identity, { replace: true });
      return redirect(`/min-konto?besked=${linked === "ok" ? "login-tilknyttet" : "login-i-brug"}`, { headers: forget });
    }
    case "email": {
      await finishRoundTrip(db, request);
      const auth = await validateRequest(request);
      // Only the account's own linked identity proves it is them.
      if (!auth || auth.user.id !== purpose.userId || (await linkedUserId(db, identity)) !== auth.user.id) return rejectedCallbackPage();
      const sent = await requestVerifiedEmailChange(db, auth.user.id, purpose.newEmail);
      return redirect(sent === "sent" ? "/min-konto?besked=email-link-sendt" : "/min-konto", { headers: forget });
    }
    // The identity waits for the form that uses it (consents, the company's details).
    case "invitation":
      return redirect(`/invitation/${encodeURIComponent(purpose.token)}`);
    case "access-request":
      return redirect("/adgang");
  }
}

export default function ProviderCallback() {
  return <ProviderMessage {...useLoaderData<typeof loader>()} />;
}
