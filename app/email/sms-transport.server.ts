import fs from "node:fs/promises";
import path from "node:path";

import { env } from "~/env.server";

import { DeliveryError } from "./transport.server";

/**
 * Hands one SMS to the gateway (SMS_API_URL with SMS_API_KEY), or throws
 * DeliveryError so the queue retries it; without a gateway (development,
 * demo) it is written to OUTBOX_DIR like email. The text is already the
 * short, content-free notice: this layer adds nothing to it.
 */
export async function transmitSms(message: { to: string; text: string }): Promise<void> {
  if (env.SMS_API_URL && env.SMS_API_KEY) return postToGateway(message, env.SMS_API_URL, env.SMS_API_KEY);
  return writeToOutbox(message);
}

async function postToGateway(message: { to: string; text: string }, url: string, key: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify({ from: env.SMS_SENDER, to: message.to, text: message.text }),
      signal: AbortSignal.timeout(env.EMAIL_TIMEOUT_MS),
    });
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
    throw new DeliveryError(timedOut ? `SMS gateway did not answer within ${env.EMAIL_TIMEOUT_MS} ms` : `SMS gateway unreachable: ${String(cause)}`);
  }
  if (!response.ok) throw new DeliveryError(`SMS gateway answered ${response.status}`);
}

async function writeToOutbox(message: { to: string; text: string }): Promise<void> {
  await fs.mkdir(env.OUTBOX_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(env.OUTBOX_DIR, `${stamp}-sms-${message.to.replace(/\D/g, "")}.json`);
  await fs.writeFile(file, JSON.stringify({ from: env.SMS_SENDER, ...message }, null, 2));
  console.log(`[outbox] SMS to ${message.to}: ${message.text}`);
}
