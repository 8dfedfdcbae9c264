// The shared Danish vocabularies, seeded into every database and editable by
// staff afterwards. Accommodations (skånebehov) describe functional needs,
// never diagnoses; openings use the same list for what they can offer.
// Written by the team from the design brief and common Danish job-market
// terms (Jobnet-style wording); no external dataset.

export const VOCABULARY_KINDS = ["competence", "industry", "accommodation", "certificate"] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

export const seedTerms: Record<VocabularyKind, string[]> = {
  competence: [
    "Kundeservice", "Rengøring", "Køkkenhjælp", "Madlavning", "Opvask", "Kasseekspedition", "Butiksarbejde",
    "Varepåfyldning", "Lagerarbejde", "Pakning", "Sortering", "Montage", "Kvalitetskontrol", "Administration",
    "Bogføring", "Fakturering", "Arkivering", "Dataindtastning", "Microsoft Office", "Reception",
    "Telefonbetjening", "Pedelarbejde", "Havearbejde", "Gartnerarbejde", "Vedligeholdelse", "Maling",
    "Tømrerarbejde", "Cykelreparation", "Budkørsel", "Chaufførarbejde", "Pleje og omsorg", "Pædagogisk arbejde",
    "Undervisning", "IT-support", "Programmering", "Grafisk design", "Kommunikation", "Sociale medier", "Salg",
    "Løn og personale", "Oversættelse", "Engelsk", "Tysk", "Dyrepasning", "Korrekturlæsning",
  ],
  industry: [
    "Butik og detailhandel", "Hotel, restaurant og kantine", "Industri og produktion", "Bygge og anlæg",
    "Transport og lager", "Sundhed og omsorg", "Undervisning", "Børn og unge", "Kontor og administration",
    "IT og kommunikation", "Rengøring og ejendomsservice", "Landbrug, gartneri og skov", "Kultur og fritid",
    "Handel og service", "Finans og forsikring", "Offentlig forvaltning", "Foreninger og frivillige organisationer",
  ],
  accommodation: [
    "Fleksible mødetider", "Korte arbejdsdage", "Pauser efter behov", "Rolige omgivelser", "Ingen tunge løft",
    "Skiftevis siddende og stående arbejde", "Mulighed for hjemmearbejde", "Faste opgaver",
    "En fast kollega eller mentor", "Gradvis opstart", "Begrænset kundekontakt", "Tydelige instrukser",
    "Hæve-sænkebord", "Få forstyrrelser", "Ingen arbejde i højden",
  ],
  certificate: [
    "Kørekort B (bil)", "Kørekort C (lastbil)", "Kørekort CE (lastbil med anhænger)", "Truckcertifikat",
    "Hygiejnebevis", "Førstehjælpsbevis", "Liftcertifikat", "Kranførerbevis", "Svejsecertifikat",
    "Varmt arbejde", "Vagtkort", "Teleskoplæsser-certifikat",
  ],
};

/** How a term is compared and stored for lookup: trimmed, single spaces, lower case, NFC. */
export function normalizeTerm(label: string): string {
  return label.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("da-DK");
}
