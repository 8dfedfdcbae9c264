// Dates are stored in UTC and shown in Danish local time.
const TIME_ZONE = "Europe/Copenhagen";

// Made once: building an Intl.DateTimeFormat costs far more than using one
// (it was a tenth of the server's time under load).
const timeFormat = new Intl.DateTimeFormat("da-DK", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const dateFormat = new Intl.DateTimeFormat("da-DK", { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" });
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const clockFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

// A stored value that is not a date is shown as it is, never thrown: one bad
// row must not take a page down for everyone.
export function formatTime(date: Date | string): string {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return String(date);
  return timeFormat.format(d);
}

export function formatDate(date: Date | string): string {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return String(date);
  return dateFormat.format(d);
}

/** The calendar days the platform accepts anywhere (birth dates, statuses, events, deadlines). */
export const FIRST_DAY = "1900-01-01";
export const LAST_DAY = "2100-12-31";

/** "YYYY-MM-DD" that is a real day of the calendar ("2026-02-30" is not). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** "YYYY-MM" with a month from 01 to 12. */
export function isCalendarMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The calendar day in Denmark as "YYYY-MM-DD" (deadlines and statuses are local days). */
export function localDate(date: Date = new Date()): string {
  return dayFormat.format(date);
}

/** "YYYY-MM-DD" plus n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" plus n weekdays (Monday to Friday; public holidays are not known here). */
export function addWeekdays(day: string, n: number): string {
  let d = day;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d;
}

/** "YYYY-MM-DD" → its number in the year, 1 for 1 January. */
export function dayOfYear(day: string): number {
  return (Date.parse(`${day}T00:00:00Z`) - Date.UTC(Number(day.slice(0, 4)), 0, 1)) / 86_400_000 + 1;
}

export function daysInYear(year: number): number {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
}

/** Wall-clock parts in Denmark of an instant: { day: "YYYY-MM-DD", time: "HH:MM" }. */
export function localParts(date: Date | string): { day: string; time: string } {
  const d = new Date(date);
  const time = clockFormat.format(d);
  return { day: localDate(d), time };
}

/**
 * A Danish wall-clock time ("2026-12-01", "10:00") → the UTC instant, across
 * summer time. Times that do not exist (the skipped spring hour) move forward.
 */
export function danishTimeToUtc(day: string, time: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  // Two rounds settle the offset (it is +1 or +2 hours in Denmark).
  for (let i = 0; i < 2; i++) {
    const { day: gd, time: gt } = localParts(new Date(guess));
    const [gy, gm, gdd] = gd.split("-").map(Number) as [number, number, number];
    const [gh, gmin] = gt.split(":").map(Number) as [number, number];
    guess += wanted - Date.UTC(gy, gm - 1, gdd, gh, gmin);
  }
  return new Date(guess);
}

/** The UTC instants where Danish day `from` begins and Danish day `to` ends (both days included): [start, end). */
export function danishDaysToUtc(from: string, to: string = from): { start: string; end: string } {
  return { start: danishTimeToUtc(from, "00:00").toISOString(), end: danishTimeToUtc(addDays(to, 1), "00:00").toISOString() };
}
