import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";

import { lookupInvitation } from "~/auth/invitations.server";
import { beginOidc, type OidcPurpose, ProviderUnavailable, requireConfiguredAudience } from "~/auth/oidc.server";
import { audienceOfRole } from "~/auth/oidc-config.server";
import { providerUnavailablePage, rejectedCallbackPage } from "~/auth/provider-pages.server";
import { providerStartSchema } from "~/auth/schemas";
import { safeRedirect, validateRequest } from "~/auth/session.server";
import { ProviderMessage } from "~/components/provider-message";
import { checkRateLimit, clientIp, LIMITS } from "~/security/rate-limit.server";
import { parseForm } from "~/utils/forms.server";
import { forbidden as httpForbidden } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Log ind" }];

// Public: the buttons "Log ind med MitID" (and MitID Erhverv, kommunens login)
// post here; linking on "Min konto" needs the session. A GET goes to /login.
export const loader = () => redirect("/login");

export async function action({ request, params, context }: ActionFunctionArgs) {
  const audience = requireConfiguredAudience(params.provider);
  await checkRateLimit([{ limit: LIMITS.loginIp, key: clientIp(context) }]);
  const parsed = await parseForm(request, providerStartSchema);
  if (!parsed.success) return rejectedCallbackPage();
  let purpose: OidcPurpose;
  switch (parsed.data.purpose) {
    case "login":
      purpose = { kind: "login", redirectTo: safeRedirect(parsed.data.redirectTo) };
      break;
    case "link": {
      const auth = await validateRequest(request);
      if (!auth) throw redirect("/login");
      if (audienceOfRole(auth.user.role) !== audience) throw httpForbidden();
      purpose = { kind: "link", userId: auth.user.id };
      break;
    }
    case "invitation": {
      const found = await lookupInvitation(db, parsed.data.token);
      if (found.state !== "open") throw redirect(`/invitation/${encodeURIComponent(parsed.data.token)}`);
      if (audienceOfRole(found.invitation.role) !== audience) throw httpForbidden();
      purpose = { kind: "invitation", token: parsed.data.token };
      break;
    }
    case "access-request":
      if (audience !== "business") throw httpForbidden();
      purpose = { kind: "access-request" };
      break;
  }
  try {
    return await beginOidc(db, audience, purpose);
  } catch (error) {
    if (error instanceof ProviderUnavailable) return providerUnavailablePage(audience);
    throw error;
  }
}

export default function ProviderStart() {
  const page = useActionData<typeof action>();
  return page ? <ProviderMessage {...page} /> : null;
}
