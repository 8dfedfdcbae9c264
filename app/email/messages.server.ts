import type { Invitation } from "../../db/schema";
import { env } from "~/env.server";
import type { EmailMessage } from "./email.server";

// Danish email texts, gathered here so they can be reviewed in one place.

export function invitationEmail({
  invitation,
  url,
  companyName,
  validDays,
}: {
  invitation: Pick<Invitation, "email" | "name" | "role">;
  url: string;
  validDays: number;
  companyName?: string;
}): EmailMessage {
  const brand = env.BRAND_NAME;
  const why: Record<Invitation["role"], string> = {
    flexjobber: `Jobcentret inviterer dig til ${brand}. Her kan du lave en profil, så virksomheder kan se, hvad du kan. Du bestemmer selv, hvad de ser. Det er frivilligt at være med.`,
    company: `${companyName ?? "Jeres virksomhed"} har fået adgang til ${brand}. Her kan I finde fleksjobbere og slå job op.`,
    staff: `Du er oprettet som medarbejder på ${brand}.`,
    admin: `Du er oprettet som administrator på ${brand}.`,
  };
  return {
    to: invitation.email,
    subject: `Invitation til ${brand}`,
    text: [
      `Hej ${invitation.name}`,
      "",
      why[invitation.role],
      "",
      "Åbn linket herunder og vælg en adgangskode:",
      url,
      "",
      `Linket virker i ${validDays} dage og kan kun bruges én gang.`,
      "Har du spørgsmål, så kontakt jobcentret.",
    ].join("\n"),
  };
}

export function companyRejectedEmail({ contactName, contactEmail, companyName, note }: {
  contactName: string;
  contactEmail: string;
  companyName: string;
  note: string | null;
}): EmailMessage {
  return {
    to: contactEmail,
    subject: `Jeres anmodning om adgang til ${env.BRAND_NAME}`,
    text: [
      `Hej ${contactName}`,
      "",
      `Vi kan desværre ikke give ${companyName} adgang til ${env.BRAND_NAME} lige nu.`,
      ...(note ? ["", `Begrundelse: ${note}`] : []),
      "",
      "Har I spørgsmål, så kontakt jobcentret.",
    ].join("\n"),
  };
}
