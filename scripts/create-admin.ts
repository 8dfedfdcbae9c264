/**
 * npm run create-admin -- --email jane@kommune.dk --name "Jane Jensen"
 * Creates the first real admin. Without --password it prints a one-time
 * invitation link (valid 14 days) so the admin chooses the password in the
 * browser and it never appears in shell history. Missing flags are asked for.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { createInvitation, emailTakenFor, invitationUrl, INVITATION_DAYS } from "../app/auth/invitations.server";
import { PASSWORD_MIN } from "../app/auth/schemas";
import { createUser } from "../tests/factories";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error(`Mangler ${question} (brug flag, fx --email og --name).`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${question}: `);
  rl.close();
  return answer.trim();
}

const email = z.string().trim().toLowerCase().email("Ugyldig e-mail.").parse(values.email ?? (await ask("E-mail")));
const name = z.string().trim().min(1, "Skriv et navn.").parse(values.name ?? (await ask("Navn")));
if (values.password !== undefined && values.password.length < PASSWORD_MIN) {
  throw new Error(`Adgangskoden skal have mindst ${PASSWORD_MIN} tegn.`);
}

const db = openAppDatabase();
try {
  await prepareDatabase(db);
  if (await emailTakenFor(db, email, "admin")) throw new Error(`Der findes allerede en bruger med e-mailen ${email}.`);
  if (values.password) {
    await createUser(db, { role: "admin", email, name, password: values.password });
    console.log(`The admin ${email} is created. Log in at /login.`);
  } else {
    const { token } = await createInvitation(db, { email, name, role: "admin", invitedBy: null });
    console.log(`Open this link within ${INVITATION_DAYS} days and choose a password:\n${invitationUrl(token)}`);
  }
} finally {
  await db.destroy();
}
