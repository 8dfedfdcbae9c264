import type { TypedResponse } from "@remix-run/node";
import type { Db } from "../../db/kysely";
import { emailHasAccount, sendInvitation, type InvitationInput } from "~/auth/invitations.server";
import { EmailError } from "~/email/email.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, type FormFailure } from "~/utils/forms.server";

/** The shared end of every invite form: checks the email, sends, and answers the browser. */
export async function inviteAndRespond(
  db: Db,
  input: InvitationInput,
  successPath: string,
): Promise<TypedResponse<FormFailure> | TypedResponse<never>> {
  if (await emailHasAccount(db, input.email)) {
    return badRequest({ email: "Der findes allerede en bruger med denne e-mail." }, undefined, 409);
  }
  try {
    await sendInvitation(db, input);
  } catch (error) {
    if (!(error instanceof EmailError)) throw error;
    console.error(error);
    return badRequest({}, "E-mailen kunne ikke sendes lige nu. Prøv igen om lidt.", 502);
  }
  return redirectWithMessage(successPath, "invitation-sendt") as TypedResponse<never>;
}
