// Status messages shown after an action. The action redirects with ?besked=key
// and the layout shows the Danish text, so reloading never re-posts.
export const flashMessages = {
  "invitation-sendt": "Invitationen er sendt.",
  "virksomhed-godkendt": "Virksomheden er godkendt. Kontaktpersonen har fået en invitation.",
  "virksomhed-afvist": "Anmodningen er afvist. Kontaktpersonen har fået besked.",
  "ordliste-gemt": "Ordlisten er gemt.",
  "profil-gemt": "Det er gemt.",
  "profil-sendt": "Tak! Jobcentret kigger på din profil, normalt inden for 3 hverdage. Du kan stadig rette i den.",
  "profil-pause": "Din profil er sat på pause. Virksomhederne kan ikke se den nu.",
  "profil-vist": "Din profil er synlig for virksomhederne igen.",
  "profil-godkendt": "Profilen er godkendt. Virksomhederne kan nu finde den.",
  "profil-retur": "Profilen er sendt tilbage til borgeren med din begrundelse.",
  "samtykke-givet": "Tak. Du kan nu vælge, hvilke skånebehov virksomhederne kan se.",
  "samtykke-trukket": "Dit samtykke er trukket tilbage. Virksomhederne kan ikke længere se dine skånebehov.",
  "skaanebehov-slettet": "Dit samtykke er trukket tilbage, og dine skånebehov er slettet.",
  "deling-trukket": "Dit samtykke er trukket tilbage. Virksomhederne kan ikke længere se din profil eller kontakte dig.",
  "deling-givet": "Virksomhederne kan igen se din profil uden dit navn.",
  "konto-slettet": "Din konto og dine oplysninger er slettet.",
  "borger-slettet": "Borgerens konto og oplysninger er slettet. Det står i logbogen.",
  "kollega-fjernet": "Kollegaens konto er fjernet, og oplysningerne er slettet.",
  "forespoergsel-sendt": "Din forespørgsel er sendt. Du får svar her, når borgeren har svaret.",
  "forespoergsel-ja": "Du har sagt ja. Virksomheden kan nu se dit navn, din e-mail og dit telefonnummer.",
  "forespoergsel-nej": "Du har sagt nej tak. Virksomheden får ikke dine oplysninger.",
  "opslag-gemt": "Opslaget er gemt.",
  "opslag-slaaet-op": "Opslaget er slået op. Fleksjobberne kan nu finde det.",
  "opslag-lukket": "Opslaget er lukket. Fleksjobberne kan ikke længere finde det.",
  "opslag-kopieret": "Her er en kopi som kladde. Ret den, og slå den op, når den er klar.",
  "trin-gemt": "Kandidatens trin er gemt.",
  "svar-sendt": "Jeres svar er sendt som en forespørgsel. Kandidaten bestemmer, om I må se navn og kontaktoplysninger.",
  "job-gemt": "Jobbet er gemt under Gemte job.",
  "job-fjernet": "Jobbet er fjernet fra Gemte job.",
  "interesse-sendt": "Tak! Virksomheden kan nu se, at du er interesseret.",
  "ansaettelse-bekraeftet": "Ansættelsen er bekræftet. Borgeren står nu som i fleksjob.",
  "ansaettelse-afvist": "Ansættelsen er fjernet fra listen.",
  "arrangement-gemt": "Arrangementet er gemt.",
  "arrangement-aflyst": "Arrangementet er aflyst. De tilmeldte har fået besked.",
  "tilmeldt": "Du er tilmeldt. Vi sender en påmindelse dagen før.",
  "venteliste": "Der er fuldt. Du er på ventelisten og får besked, hvis du får en plads.",
  "afmeldt": "Du er meldt fra.",
  "fremmoede-gemt": "Fremmødet er gemt.",
  "artikel-gemt": "Det er gemt.",
  "borger-registreret": "Borgeren er registreret. Du kan invitere borgeren, når det passer.",
  "borger-gemt": "Det er gemt.",
  "invitation-trukket": "Invitationen er trukket tilbage.",
  "import-faerdig": "Borgerne er importeret.",
  "virksomhed-spaerret": "Virksomheden er spærret. Dens brugere kan ikke logge ind, og dens opslag er skjult.",
  "virksomhed-genaabnet": "Virksomheden er åbnet igen.",
  velkommen: "Velkommen! Din konto er oprettet.",
  "logget-ud": "Du er logget ud.",
} as const;

export type FlashKey = keyof typeof flashMessages;

export function flashText(key: string | null): string | null {
  return key && key in flashMessages ? flashMessages[key as FlashKey] : null;
}

