// Dates are stored in UTC and shown in Danish local time.
const TIME_ZONE = "Europe/Copenhagen";

export function formatTime(date: Date | string): string {
  return new Intl.DateTimeFormat("da-DK", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" }).format(new Date(date));
}

export function formatDate(date: Date | string): string {
  return new Intl.DateTimeFormat("da-DK", { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" }).format(
    new Date(date),
  );
}
