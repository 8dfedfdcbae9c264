import { http, HttpResponse } from "msw";

// The SMS gateway's HTTP API as the app is configured for it in tests
// (SMS_API_URL, SMS_API_KEY): third-party HTTP, so msw stands in for it.

export interface SentSms {
  from: string;
  to: string;
  text: string;
}

/** Every SMS the app posted to the gateway in this test file. */
export const sentSms: SentSms[] = [];

let failures = 0;
/** Makes the next call(s) to the gateway fail with a 500. */
export function failNextSms(times = 1) {
  failures = times;
}

export const smsHandlers = [
  http.post("https://sms.test/send", async ({ request }) => {
    if (request.headers.get("Authorization") !== "Bearer test-sms-key") return new HttpResponse(null, { status: 401 });
    if (failures > 0) {
      failures--;
      return new HttpResponse(null, { status: 500 });
    }
    sentSms.push((await request.json()) as SentSms);
    return HttpResponse.json({ id: `sms-${sentSms.length}` });
  }),
];
