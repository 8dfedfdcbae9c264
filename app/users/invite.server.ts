import type { TypedResponse } from "@remix-run/node";

import { invitationConflict, type InvitationInput, sendInvitation } from "~/auth/invitations.server";
import { sendNotice } from "~/email/email.server";
import { alreadyInvitedEmail } from "~/email/messages.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, type FormFailure } from "~/utils/forms.server";

import type { Db } from "../../db/kysely";

const conflictText = {
  account: "Der findes allerede en bruger med denne e-mail.",
  other_invitation: "Der er allerede en åben invitation til denne e-mail fra en anden afsender. Den skal bruges eller trækkes tilbage først.",
};

/**
 * The shared end of every invite form: checks the email, sends, and answers
 * the browser. Staff may learn that an email is taken (they can look people
 * up anyway); a company admin may not (`inviterMayKnow: false`): the answer is
 * the same as for a new email, and the person behind the email gets a note.
 */
export async function inviteAndRespond(
  db: Db,
  input: InvitationInput,
  successPath: string,
  { inviterMayKnow, beforeSending }: { inviterMayKnow: boolean; beforeSending?: () => Promise<void> },
): Promise<TypedResponse<FormFailure> | TypedResponse<never>> {
  const conflict = await invitationConflict(db, input);
  if (conflict && inviterMayKnow) return badRequest({ email: conflictText[conflict] }, undefined, 409);
  if (conflict) {
    const company = input.companyId ? await db.selectFrom("companies").select("name").where("id", "=", input.companyId).executeTakeFirst() : undefined;
    await sendNotice(db, alreadyInvitedEmail({ to: input.email, inviterName: company?.name ?? "En virksomhed" }));
    return redirectWithMessage(successPath, "invitation-sendt") as TypedResponse<never>;
  }
  await beforeSending?.();
  const { sent } = await sendInvitation(db, input);
  // Not sent yet: the invitation is saved and its email retried; staff see it under "Udgående e-mails".
  return redirectWithMessage(successPath, sent ? "invitation-sendt" : "invitation-venter") as TypedResponse<never>;
}
