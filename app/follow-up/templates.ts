import type { FollowUpKind } from "../../db/schema";

// The short, editable message "Skriv" on Opfølgning starts with, per kind of
// row: plain Danish, never health data, and never more than the row says.

export function followUpTemplate(kind: FollowUpKind | null, name: string): { subject: string; body: string } {
  const first = name.split(" ")[0] ?? name;
  switch (kind) {
    case "quiet":
      return {
        subject: "Hvordan går det?",
        body: `Hej ${first}. Vi har ikke set dig på Refleks i et stykke tid. Hvordan går det? Skriv her, eller ring, hvis du vil tale om jobsøgningen.`,
      };
    case "unpublished":
      return { subject: "Hjælp til din profil", body: `Hej ${first}. Har du brug for hjælp til at lave din profil? Vi kan også lave den sammen, næste gang vi ses.` };
    case "returned":
      return { subject: "Din profil", body: `Hej ${first}. Din profil er sendt tilbage med et par rettelser. Sig til, hvis du vil have hjælp til dem.` };
    case "unanswered_request":
      return {
        subject: "En virksomhed vil gerne tale med dig",
        body: `Hej ${first}. En virksomhed vil gerne i kontakt med dig. Du kan svare ja eller nej under Beskeder. Sig til, hvis du vil tale om det først.`,
      };
    case "unanswered_interest":
      return { subject: "Din interesse for et job", body: `Hej ${first}. Virksomheden har ikke svaret på din interesse endnu. Vi følger op hos dem og vender tilbage.` };
    case "quiet_opening":
      return {
        subject: "Jeres jobopslag",
        body: "Hej. Vi kan se, at ingen har vist interesse for jeres jobopslag endnu. Skal vi hjælpe med at finde kandidater, eller med at gøre opslaget tydeligere?",
      };
    case "quiet_company":
      return {
        subject: "Har I brug for en fleksjobber?",
        body: "Hej. Det er et stykke tid siden, I har slået et job op på Refleks. Har I opgaver, hvor en fleksjobber kunne hjælpe? Vi hjælper gerne med opslaget.",
      };
    default:
      return { subject: "", body: `Hej ${first}. ` };
  }
}
