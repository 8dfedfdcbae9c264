import { delay, http, HttpResponse } from "msw";

export interface SentEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Every message the app posted to the email API in this test file. */
export const sentEmails: SentEmail[] = [];

let failures = 0;
/** Makes the next call(s) to the email API fail with a 503, as a real outage would. */
export function failNextEmail(times = 1) {
  failures = times;
}

let hangNext = false;
/** Makes the next call to the email API never answer, as a hung API would. */
export function hangNextEmail() {
  hangNext = true;
}

export const emailHandlers = [
  http.post("https://email.test/send", async ({ request }) => {
    if (request.headers.get("Authorization") !== "Bearer test-key") return new HttpResponse(null, { status: 401 });
    if (hangNext) {
      hangNext = false;
      await delay("infinite");
    }
    if (failures > 0) {
      failures--;
      return new HttpResponse(null, { status: 503 });
    }
    sentEmails.push((await request.json()) as SentEmail);
    return HttpResponse.json({ id: `msg-${sentEmails.length}` });
  }),
];

export function linkIn(email: SentEmail): string {
  const link = email.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link in email to ${email.to}`);
  return link;
}
