import { json } from "@remix-run/node";

import { type Audience, AUDIENCE_LABELS } from "./oidc-config.server";

// The calm pages a login through an identity provider can end on, as the data
// routes render with components/provider-message.tsx.
export interface ProviderPage {
  title: string;
  text: string;
  /** Where to go on: back to log in, or the page the round trip started from. */
  next: { to: string; label: string };
}

const toLogin = { to: "/login", label: "Tilbage til log ind" };

function page(status: number, content: ProviderPage) {
  return json(content, { status });
}

export function providerUnavailablePage(audience: Audience) {
  const { provider } = AUDIENCE_LABELS[audience];
  return page(503, {
    title: `${provider} svarer ikke lige nu`,
    text: `Vi kan ikke få forbindelse til ${provider}. Prøv igen om lidt. Har du en adgangskode, kan du også logge ind med den.`,
    next: toLogin,
  });
}

export function rejectedCallbackPage() {
  return page(400, {
    title: "Log ind blev ikke gennemført",
    text: "Svaret fra login-tjenesten kunne ikke bruges. Det sker fx, hvis du har brugt tilbage-knappen, har to faner åbne, eller har ventet for længe. Start forfra.",
    next: toLogin,
  });
}

export function cancelledPage(audience: Audience) {
  return page(400, {
    title: "Log ind blev afbrudt",
    text: `Du afbrød log ind med ${AUDIENCE_LABELS[audience].provider}. Du kan prøve igen, når det passer dig.`,
    next: toLogin,
  });
}

export function unknownIdentityPage(audience: Audience) {
  if (audience === "citizen") {
    return page(403, {
      title: "Du har ikke en konto endnu",
      text: "Refleks er et lukket forum for fleksjobbere, som jobcentret har inviteret. Din MitID er ikke knyttet til en konto. Har du fået en invitation på e-mail, så brug linket i den. Ellers kan du tale med din jobkonsulent i jobcentret om at komme med.",
      next: toLogin,
    });
  }
  if (audience === "business") {
    return page(403, {
      title: "Vi kender ikke dit login",
      text: "Dit MitID Erhverv er ikke knyttet til en bruger hos en godkendt virksomhed. Er din virksomhed ikke med endnu, kan I bede om adgang. Er den med, kan en kollega invitere dig.",
      next: { to: "/adgang", label: "Bed om adgang for jeres virksomhed" },
    });
  }
  return page(403, {
    title: "Vi kender ikke dit login",
    text: "Dit login fra kommunen passer ikke til en medarbejder på platformen. En administrator skal oprette dig først, med din arbejdsmail.",
    next: toLogin,
  });
}

export function cvrMismatchPage() {
  return page(403, {
    title: "CVR-nummeret passer ikke",
    text: "Du loggede ind med MitID Erhverv for en anden virksomhed end den, din bruger hører til. Log ind for den rigtige virksomhed, eller kontakt jobcentret.",
    next: toLogin,
  });
}

export function suspendedPage() {
  return page(403, {
    title: "Din adgang er sat på pause",
    text: "Du kan ikke logge ind lige nu. Kontakt jobcentret, hvis du har spørgsmål.",
    next: toLogin,
  });
}

const THIS_IDENTITY: Record<Audience, string> = {
  citizen: "Dette MitID",
  business: "Denne MitID Erhverv",
  staff: "Dette login fra kommunen",
};

/** The identity names an account that is linked to another one: nothing is linked, no one gets in. */
export function notLinkedPage(audience: Audience) {
  return page(403, {
    title: "Dit login er ikke knyttet til kontoen",
    text: `${THIS_IDENTITY[audience]} er ikke knyttet til din konto, og kontoen bruger allerede et andet. Log ind, som du plejer, og skift under Min konto, hvis du vil bruge dette i stedet. Kontakt jobcentret, hvis du ikke kan komme ind.`,
    next: toLogin,
  });
}
