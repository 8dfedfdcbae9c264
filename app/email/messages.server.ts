import { appUrl, env } from "~/env.server";
import { formatDate, formatTime } from "~/utils/dates";
import { quoted } from "~/utils/quote";

import type { Invitation } from "../../db/schema";
import type { EmailMessage } from "./email.server";

// Danish email texts, gathered here so they can be reviewed in one place.

export function invitationEmail({
  invitation,
  url,
  companyName,
  colleagueName,
  validDays,
}: {
  invitation: Pick<Invitation, "email" | "name" | "role">;
  url: string;
  validDays: number;
  companyName?: string;
  /** Set when a colleague in the company (not the jobcenter) sent it. */
  colleagueName?: string;
}): EmailMessage {
  const brand = env.BRAND_NAME;
  const why: Record<Invitation["role"], string> = {
    flexjobber: `Jobcentret inviterer dig til ${brand}. Her kan du lave en profil, så virksomheder kan se, hvad du kan. Du bestemmer selv, hvad de ser. Det er frivilligt at være med.`,
    company: colleagueName
      ? `Din kollega ${colleagueName} har inviteret dig til at bruge ${brand} for ${companyName ?? "jeres virksomhed"}. Her kan I finde fleksjobbere og slå job op.`
      : `${companyName ?? "Jeres virksomhed"} har fået adgang til ${brand}. Her kan I finde fleksjobbere og slå job op.`,
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

/** Sent instead of an invitation when the email already has an account or another open invitation. */
export function alreadyInvitedEmail({ to, inviterName }: { to: string; inviterName: string }): EmailMessage {
  const brand = env.BRAND_NAME;
  return {
    to,
    subject: `Invitation til ${brand}`,
    text: [
      "Hej",
      "",
      `${inviterName} har prøvet at invitere dig til ${brand}. Du har allerede en konto eller en invitation med denne e-mail, så vi har ikke sendt en ny.`,
      "",
      `Log ind på ${appUrl()}/login, eller brug linket i den invitation, du har fået.`,
      "Har du spørgsmål, så kontakt jobcentret.",
    ].join("\n"),
  };
}

export function retentionWarningEmail({ to, name, months, eraseOn }: { to: string; name: string; months: number; eraseOn: string }): EmailMessage {
  const brand = env.BRAND_NAME;
  return {
    to,
    subject: `Vil du beholde din konto på ${brand}?`,
    text: [
      `Hej ${name}`,
      "",
      `Du har ikke brugt ${brand} i ${months} måneder. For at passe på dine oplysninger sletter vi konti, der ikke bliver brugt.`,
      "",
      `Vil du beholde din konto, så log ind før ${formatDate(eraseOn)}: ${appUrl()}/login`,
      `Gør du ikke det, sletter vi din konto og dine oplysninger den ${formatDate(eraseOn)}.`,
      "",
      "Har du spørgsmål, så kontakt jobcentret.",
    ].join("\n"),
  };
}

export function passwordResetEmail({ to, name, url, validMinutes }: { to: string; name: string; url: string; validMinutes: number }): EmailMessage {
  return {
    to,
    subject: `Vælg en ny adgangskode til ${env.BRAND_NAME}`,
    text: [
      `Hej ${name}`,
      "",
      "Du (eller nogen, der kender din e-mail) har bedt om en ny adgangskode. Åbn linket herunder og vælg en ny:",
      url,
      "",
      `Linket virker i ${validMinutes} minutter og kan kun bruges én gang.`,
      "Har du ikke bedt om det, kan du se bort fra denne e-mail. Din adgangskode er ikke ændret.",
    ].join("\n"),
  };
}

export function confirmEmailChangeEmail({ to, name, url, validMinutes }: { to: string; name: string; url: string; validMinutes: number }): EmailMessage {
  return {
    to,
    subject: `Bekræft din nye e-mail til ${env.BRAND_NAME}`,
    text: [
      `Hej ${name}`,
      "",
      `Du har bedt om at bruge denne e-mail til ${env.BRAND_NAME}. Åbn linket herunder for at bekræfte:`,
      url,
      "",
      `Linket virker i ${validMinutes} minutter. Indtil du bekræfter, bruger du din gamle e-mail, når du logger ind.`,
      "Har du ikke bedt om det, kan du se bort fra denne e-mail.",
    ].join("\n"),
  };
}

export function emailChangedNotice({ to, name, newEmail }: { to: string; name: string; newEmail: string }): EmailMessage {
  return {
    to,
    subject: `Din e-mail til ${env.BRAND_NAME} er ændret`,
    text: [`Hej ${name}`, "", `Din konto bruger nu e-mailen ${newEmail}. Du logger ind med den fremover.`, "Var det ikke dig, så kontakt jobcentret hurtigst muligt."].join("\n"),
  };
}

export function passwordChangedNotice({ to, name }: { to: string; name: string }): EmailMessage {
  return {
    to,
    subject: `Din adgangskode til ${env.BRAND_NAME} er skiftet`,
    text: [`Hej ${name}`, "", "Din adgangskode er lige blevet skiftet.", 'Var det ikke dig, så vælg en ny under "Glemt adgangskode?" og kontakt jobcentret.'].join("\n"),
  };
}

export function reportWarningNotice({ to, name }: { to: string; name: string }): EmailMessage {
  return {
    to,
    subject: `En af dine beskeder på ${env.BRAND_NAME} er blevet anmeldt`,
    text: [
      `Hej ${name}`,
      "",
      `En besked, du har skrevet på ${env.BRAND_NAME}, er blevet anmeldt, og jobcentret har kigget på den.`,
      "Skriv venligt og sagligt. Sker det igen, kan jobcentret lukke din adgang.",
      "Har du spørgsmål, så kontakt jobcentret.",
    ].join("\n"),
  };
}

export function newMessageEmail({ to, name, subject, url }: { to: string; name: string; subject: string; url: string }): EmailMessage {
  return {
    to,
    subject: `Ny besked på ${env.BRAND_NAME}: ${subject}`,
    text: [`Hej ${name}`, "", `Du har fået en ny besked i samtalen ${quoted(subject)}. Log ind for at læse den:`, url].join("\n"),
  };
}

/** A notification that says all in its title (the title is written for this recipient: no health data, no identity before consent). */
export function notificationEmail({ to, name, title, link }: { to: string; name: string; title: string; link: string }): EmailMessage {
  return {
    to,
    subject: `${title} på ${env.BRAND_NAME}`,
    text: [`Hej ${name}`, "", `${title}.`, `${appUrl()}${link}`, "", `Du vælger selv, hvad du får e-mails om: ${appUrl()}/notifikationer`].join("\n"),
  };
}

export function digestEmail({ to, name, items }: { to: string; name: string; items: { title: string; link: string }[] }): EmailMessage {
  return {
    to,
    subject: `${items.length === 1 ? "1 ny notifikation" : `${items.length} nye notifikationer`} fra ${env.BRAND_NAME}`,
    text: [
      `Hej ${name}`,
      "",
      "Det her er sket siden sidst:",
      ...items.map((i) => `- ${i.title}: ${appUrl()}${i.link}`),
      "",
      `Du vælger selv, hvad du får e-mails om: ${appUrl()}/notifikationer`,
    ].join("\n"),
  };
}

export function newJobEmail({ to, name }: { to: string; name: string }): EmailMessage {
  return {
    to,
    subject: "Tillykke med jobbet",
    text: [
      `Hej ${name}`,
      "",
      `Jobcentret har registreret, at du er ansat i et fleksjob. Tillykke!`,
      `Vi har sat din profil på ${env.BRAND_NAME} på pause, så virksomhederne ikke kontakter dig om andre job.`,
      `Vil du stadig kunne findes, så log ind og tryk "Vis min profil igen" under Min profil: ${appUrl()}/profil`,
    ].join("\n"),
  };
}

/** To the company, seven days ahead: the deadline, and where to extend it. */
export function deadlineSoonEmail({
  to,
  name,
  openingTitle,
  deadline,
  openingId,
}: {
  to: string;
  name: string;
  openingTitle: string;
  deadline: string;
  openingId: number;
}): EmailMessage {
  return {
    to,
    subject: `Fristen for ${quoted(openingTitle)} nærmer sig`,
    text: [
      `Hej ${name}`,
      "",
      `Ansøgningsfristen for jeres opslag ${quoted(openingTitle)} er ${formatDate(deadline)}. Derefter lukker opslaget af sig selv.`,
      "Har I brug for flere kandidater, kan I forlænge fristen her:",
      `${appUrl()}/opslag/${openingId}#frist`,
    ].join("\n"),
  };
}

/** To the company: someone showed interest. Never who (the interest is anonymous unless shared, and then it is on the platform). */
export function newInterestEmail({ to, name, openingTitle, openingId }: { to: string; name: string; openingTitle: string; openingId: number }): EmailMessage {
  return {
    to,
    subject: `Ny interesse for ${quoted(openingTitle)}`,
    text: [
      `Hej ${name}`,
      "",
      `En fleksjobber har sagt, at de er interesserede i jeres opslag ${quoted(openingTitle)}.`,
      `Se interessen og svar på ${env.BRAND_NAME}: ${appUrl()}/opslag/${openingId}`,
    ].join("\n"),
  };
}

export function companyRejectedEmail({
  contactName,
  contactEmail,
  companyName,
  note,
}: {
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

export function contactRequestEmail({ to, name, companyName }: { to: string; name: string; companyName: string }): EmailMessage {
  return {
    to,
    subject: `${companyName} vil gerne i kontakt med dig`,
    text: [
      `Hej ${name}`,
      "",
      `${companyName} har set din profil på ${env.BRAND_NAME} og vil gerne i kontakt med dig.`,
      "Log ind og læs beskeden. Du bestemmer selv, om du vil sige ja eller nej tak.",
      "",
      `${appUrl()}/beskeder`,
    ].join("\n"),
  };
}

export function contactAnsweredEmail({ to, name, alias, accepted }: { to: string; name: string; alias: string; accepted: boolean }): EmailMessage {
  return {
    to,
    subject: accepted ? `${alias} har sagt ja` : `${alias} har svaret`,
    text: [
      `Hej ${name}`,
      "",
      accepted ? `${alias} har sagt ja til jeres forespørgsel. Log ind for at se navn og kontaktoplysninger.` : `${alias} har sagt nej tak til jeres forespørgsel denne gang.`,
      "",
      `${appUrl()}/beskeder`,
    ].join("\n"),
  };
}

export function profileReviewedEmail({ to, name, approved, reason }: { to: string; name: string; approved: boolean; reason?: string }): EmailMessage {
  return {
    to,
    subject: approved ? "Din profil er godkendt" : "Jobcentret har sendt din profil tilbage",
    text: [
      `Hej ${name}`,
      "",
      ...(approved
        ? ["Jobcentret har godkendt din profil. Nu kan virksomhederne finde den. Du kan altid sætte den på pause."]
        : ["Jobcentret har kigget på din profil og vil gerne have dig til at rette lidt i den:", "", reason ?? "", "", "Ret profilen, og send den igen."]),
      "",
      `${appUrl()}/profil`,
    ].join("\n"),
  };
}

function eventWhen(startsAt: string): string {
  return `${formatDate(startsAt)} kl. ${formatTime(startsAt)}`;
}

export function eventPromotedEmail({ to, name, title, startsAt, eventId }: { to: string; name: string; title: string; startsAt: string; eventId: number }): EmailMessage {
  return {
    to,
    subject: `Du har fået en plads: ${title}`,
    text: [
      `Hej ${name}`,
      "",
      `Der er blevet en plads ledig, og du er nu tilmeldt ${quoted(title)} ${eventWhen(startsAt)}.`,
      "Kan du ikke komme, så meld fra på siden, så en anden kan få pladsen.",
      "",
      `${appUrl()}/arrangementer/${eventId}`,
    ].join("\n"),
  };
}

export function eventCancelledEmail({ to, name, title, startsAt }: { to: string; name: string; title: string; startsAt: string }): EmailMessage {
  return {
    to,
    subject: `Aflyst: ${title}`,
    text: [`Hej ${name}`, "", `${quoted(title)} ${eventWhen(startsAt)} er desværre aflyst.`, "", "Se andre arrangementer:", `${appUrl()}/arrangementer`].join("\n"),
  };
}

export function eventReminderEmail({
  to,
  name,
  title,
  startsAt,
  where,
  eventId,
}: {
  to: string;
  name: string;
  title: string;
  startsAt: string;
  where: string;
  eventId: number;
}): EmailMessage {
  return {
    to,
    subject: `I morgen: ${title}`,
    text: [
      `Hej ${name}`,
      "",
      `Husk ${quoted(title)} i morgen, ${eventWhen(startsAt)}.`,
      `Sted: ${where}`,
      "",
      "Kan du ikke komme, så meld fra, så en anden kan få pladsen:",
      `${appUrl()}/arrangementer/${eventId}`,
    ].join("\n"),
  };
}
