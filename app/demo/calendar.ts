import { addDays } from "~/utils/dates";

/** Days a jobcenter holds no meeting: Christmas to New Year (and 5 June, Grundlovsdag). */
const CLOSED = /-(12-2[4-9]|12-3[01]|01-01|06-05)$/;

/** The day itself when the jobcenter would hold a meeting then, else the next weekday it would. */
export function meetingDay(day: string): string {
  let d = day;
  while (CLOSED.test(d) || [0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}
