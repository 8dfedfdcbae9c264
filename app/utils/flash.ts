// Status messages shown after an action. The action redirects with ?besked=key
// and the layout shows the Danish text, so reloading never re-posts.
export const flashMessages = {
  "invitation-sendt": "Invitationen er sendt.",
  "virksomhed-godkendt": "Virksomheden er godkendt. Kontaktpersonen har fået en invitation.",
  "virksomhed-afvist": "Anmodningen er afvist. Kontaktpersonen har fået besked.",
  "ordliste-gemt": "Ordlisten er gemt.",
  velkommen: "Velkommen! Din konto er oprettet.",
  "logget-ud": "Du er logget ud.",
} as const;

export type FlashKey = keyof typeof flashMessages;

export function flashText(key: string | null): string | null {
  return key && key in flashMessages ? flashMessages[key as FlashKey] : null;
}

