// The exact texts a citizen agrees to. Change the version whenever a text
// changes: the version is stored with each consent.

export const PRIVACY_VERSION = "privatliv-2026-11";
export const HEALTH_CONSENT_VERSION = "helbred-2026-11";
export const SHARING_CONSENT_VERSION = "deling-2026-11";

/** What a flexjobber agrees to by publishing the profile (recorded as the profile_sharing consent). */
export const sharingConsentText =
  "Når du offentliggør din profil, siger du ja til, at godkendte virksomheder kan se den uden dit navn og dine kontaktoplysninger. Du kan trække dit ja tilbage når som helst.";

export const privacyAcceptText = "Jeg har læst, hvordan jobcentret behandler mine oplysninger på platformen.";

export const healthConsentTitle = "Samtykke til oplysninger om skånebehov";

export const healthConsentText = [
  "Dine skånebehov siger noget om dit helbred. Derfor spørger vi om dit samtykke, før du kan skrive dem på din profil.",
  'Du bestemmer selv, hvilke skånebehov virksomhederne kan se. Skriv hvad du har brug for, fx "kan ikke løfte tungt". Skriv ikke diagnoser.',
  "Det er frivilligt. Hvis du siger nej, eller trækker dit samtykke tilbage senere, påvirker det aldrig din ledighedsydelse, din jobplan eller giver dig sanktioner.",
  'Du kan trække samtykket tilbage når som helst under "Mine data" eller på siden Skånebehov under "Min profil". Så sletter vi dine skånebehov.',
];
