import fs from "node:fs/promises";
import path from "node:path";
import { env } from "~/env.server";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export class EmailError extends Error {}

/**
 * Sends one transactional email. With EMAIL_API_KEY set it POSTs JSON to
 * EMAIL_API_URL; without it (development, demo) the message is written to
 * OUTBOX_DIR and its first link is logged, so invitations can be followed locally.
 */
export async function sendEmail(message: EmailMessage): Promise<void> {
  if (env.EMAIL_API_KEY) return postToApi(message, env.EMAIL_API_KEY);
  return writeToOutbox(message);
}

async function postToApi(message: EmailMessage, key: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(env.EMAIL_API_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify({ from: env.EMAIL_FROM, to: message.to, subject: message.subject, text: message.text }),
    });
  } catch (cause) {
    throw new EmailError(`email API unreachable: ${String(cause)}`);
  }
  if (!response.ok) throw new EmailError(`email API answered ${response.status}`);
}

async function writeToOutbox(message: EmailMessage): Promise<void> {
  await fs.mkdir(env.OUTBOX_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const safeTo = message.to.replace(/[^a-z0-9@._-]/gi, "_");
  const file = path.join(env.OUTBOX_DIR, `${stamp}-${safeTo}.json`);
  await fs.writeFile(file, JSON.stringify({ from: env.EMAIL_FROM, ...message }, null, 2));
  const link = message.text.match(/https?:\/\/\S+/)?.[0];
  console.log(`[outbox] "${message.subject}" to ${message.to}${link ? `: ${link}` : ""}`);
}

/**
 * For heads-up emails ("a company wants to talk to you"): the action they
 * follow has already happened and is visible on the platform, so a failed
 * send is logged, not shown to the user as an error.
 */
export async function sendNotice(message: EmailMessage): Promise<void> {
  try {
    await sendEmail(message);
  } catch (error) {
    if (!(error instanceof EmailError)) throw error;
    console.warn(`[email] notice "${message.subject}" to ${message.to} not sent: ${error.message}`);
  }
}
