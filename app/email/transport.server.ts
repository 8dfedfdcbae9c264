import fs from "node:fs/promises";
import path from "node:path";
import { domainToASCII } from "node:url";

import nodemailer, { type Transporter } from "nodemailer";

import { env } from "~/env.server";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Any failed hand-over of the outgoing queue (email or SMS): the queue retries it. */
export class DeliveryError extends Error {}

/**
 * Hands one message to the mail system, or throws DeliveryError. In order of
 * preference: the municipality's SMTP relay (SMTP_URL), the HTTP email API
 * (EMAIL_API_KEY), or, without either (development, demo), a file in
 * OUTBOX_DIR with its first link logged. Every network call has a timeout.
 */
export async function transmit(message: EmailMessage): Promise<void> {
  // A made-up address (a citizen without email, an erased account) has no one behind it.
  if (message.to.endsWith(".invalid")) return;
  if (env.SMTP_URL) return sendBySmtp(message, env.SMTP_URL);
  if (env.EMAIL_API_KEY) return postToApi(message, env.EMAIL_API_KEY);
  return writeToOutbox(message);
}

let smtp: Transporter | undefined;

async function sendBySmtp(message: EmailMessage, url: string): Promise<void> {
  if (!smtp) {
    // smtp://user:pass@relay:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start).
    const u = new URL(url);
    const secure = u.protocol === "smtps:";
    smtp = nodemailer.createTransport({
      host: u.hostname,
      port: Number(u.port) || (secure ? 465 : 587),
      secure,
      auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
      connectionTimeout: env.EMAIL_TIMEOUT_MS,
      greetingTimeout: env.EMAIL_TIMEOUT_MS,
      socketTimeout: env.EMAIL_TIMEOUT_MS,
    });
  }
  try {
    await smtp.sendMail({ from: env.EMAIL_FROM, to: message.to, subject: message.subject, text: message.text });
  } catch (cause) {
    throw new DeliveryError(`SMTP delivery failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** "søren@ærø.dk" → "søren@xn--r-1gaa.dk": APIs want the domain in ASCII. */
function asciiDomain(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? address : `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`;
}

async function postToApi(message: EmailMessage, key: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(env.EMAIL_API_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify({ from: env.EMAIL_FROM, to: asciiDomain(message.to), subject: message.subject, text: message.text }),
      signal: AbortSignal.timeout(env.EMAIL_TIMEOUT_MS),
    });
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
    throw new DeliveryError(timedOut ? `email API did not answer within ${env.EMAIL_TIMEOUT_MS} ms` : `email API unreachable: ${String(cause)}`);
  }
  if (!response.ok) throw new DeliveryError(`email API answered ${response.status}`);
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
