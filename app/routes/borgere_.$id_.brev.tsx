import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { createInvitation, formatInvitationCode, INVITATION_DAYS } from "~/auth/invitations.server";
import { getCitizen } from "~/citizens/citizens.server";
import { paperInvitationSchema } from "~/citizens/schemas";
import { SubmitButton } from "~/components/form";
import { appUrl } from "~/env.server";
import { getJobcenterContact } from "~/jobcenter/contact.server";
import { formatDate } from "~/utils/dates";
import { badRequest, parseForm } from "~/utils/forms.server";
import { notFound as httpNotFound } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Invitation på papir" }];

const notFound = () => httpNotFound("Borgeren findes ikke.");

// Staff and admins: an invitation on paper for a citizen who is not online
// (no email, or does not read it): a letter with a short code to type at /kode.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  const person = await getCitizen(db, params.id ?? "");
  if (!person) throw notFound();
  return json({ person: { id: person.id, name: person.name, status: person.status }, validDays: INVITATION_DAYS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireUser(request, { roles: STAFF_ROLES });
  const parsed = await parseForm(request, paperInvitationSchema);
  if (!parsed.success) return parsed.response;
  const person = await getCitizen(db, params.id ?? "");
  if (!person) throw notFound();
  if (person.status !== "registered") return badRequest({}, "Borgeren har allerede en konto.", 409);
  // A new code: the borger's older open invitation (a link, or an earlier letter) stops working.
  const { invitation, token } = await createInvitation(
    db,
    { name: person.name, email: person.email, role: "flexjobber", invitedBy: staff.id, consultantId: person.consultantId ?? undefined },
    new Date(),
    { onPaper: true },
  );
  const contact = await getJobcenterContact(db);
  return json({
    letter: { name: person.name, code: formatInvitationCode(token), address: `${appUrl()}/kode`, expiresAt: invitation.expiresAt, contact },
  });
}

export default function PaperInvitation() {
  const { person, validDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const letter = actionData && "letter" in actionData ? actionData.letter : null;
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/borgere/${person.id}`}>Tilbage til {person.name}</Link>
        </p>
        <h1>Invitation på papir til {person.name}</h1>
        {letter ? (
          <p>
            Brevet er klar. Udskriv det, eller giv det til borgeren ved et møde. Koden virker i {validDays} dage.{" "}
            <button type="button" className="secondary" onClick={() => window.print()}>
              Udskriv
            </button>
          </p>
        ) : (
          <>
            <p>
              Til en borger, der ikke bruger e-mail. Brevet har en kort kode, som borgeren skriver på platformens adresse. Koden virker som linket i en e-mail og udløber efter{" "}
              {validDays} dage. Laver du et nyt brev, holder den tidligere invitation op med at virke.
            </p>
            {actionData && "formError" in actionData && actionData.formError ? <p className="field-error">{actionData.formError}</p> : null}
            <Form method="post">
              <input type="hidden" name="intent" value="brev" />
              <SubmitButton pendingText="Laver brevet …">Lav brevet</SubmitButton>
            </Form>
          </>
        )}
      </div>
      {letter ? (
        <article className="letter" aria-label="Brevet">
          <p className="letter-from">
            {letter.contact.name}
            <br />
            {(letter.contact.address ?? "").split("\n").map((line) => (
              <span key={line}>
                {line}
                <br />
              </span>
            ))}
            {letter.contact.phone ? `Telefon ${letter.contact.phone}` : letter.contact.email}
          </p>
          <p>Kære {letter.name}</p>
          <p>
            Du er inviteret til Refleks. Det er et sted på internettet, hvor fleksjobbere og virksomheder finder hinanden. Det er frivilligt at være med, og det har ingen betydning
            for din ydelse eller din plan, om du siger ja eller nej.
          </p>
          <p>Sådan kommer du ind:</p>
          <ol>
            <li>
              Gå til <strong>{letter.address}</strong> på en computer, en tablet eller din telefon.
            </li>
            <li>
              Skriv koden: <strong className="letter-code">{letter.code}</strong>
            </li>
            <li>Vælg en adgangskode, og sig ja til betingelserne.</li>
          </ol>
          <p>Koden virker til og med {formatDate(letter.expiresAt)}, og kun én gang.</p>
          <p>
            Vil du hellere have hjælp, så {letter.contact.phone ? `ring til os på ${letter.contact.phone}` : "kontakt os"}, eller tag brevet med til dit næste møde. Så gør vi det
            sammen.
          </p>
          <p>Venlig hilsen</p>
          <p>{letter.contact.name}</p>
        </article>
      ) : null}
    </>
  );
}
