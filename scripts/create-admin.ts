/**
 * npm run create-admin -- --email jane@kommune.dk --name "Jane Jensen"
 * Creates the first real admin. Without --password it prints a one-time
 * invitation link (valid 14 days) so the admin chooses the password in the
 * browser and it never appears in shell history. Missing flags are asked for.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

import { z } from "zod";

import { createInvitation, emailTakenFor, INVITATION_DAYS, invitationUrl } from "../app/auth/invitations.server";
import { PASSWORD_MIN } from "../app/auth/schemas";
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { createUser } from "../tests/factories";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error(`Missing ${question} (use the flags, e.g. --email and --name).`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${question}: `);
  rl.close();
  return answer.trim();
}

const email = z
  .string()
  .trim()
  .toLowerCase()
  .email("Not a valid email address.")
  .parse(values.email ?? (await ask("Email")));
const name = z
  .string()
  .trim()
  .min(1, "Give a name.")
  .parse(values.name ?? (await ask("Name")));
if (values.password !== undefined && values.password.length < PASSWORD_MIN) {
  throw new Error(`The password needs at least ${PASSWORD_MIN} characters.`);
}

const db = openAppDatabase();
try {
  await prepareDatabase(db);
  if (await emailTakenFor(db, email, "admin")) throw new Error(`There is already a user with the email ${email}.`);
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
