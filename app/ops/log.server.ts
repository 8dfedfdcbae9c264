// One JSON line per event on stdout/stderr, so the operator's log collector
// can read it. Never personal data beyond a user id.

export interface LogFields {
  requestId?: string;
  route?: string;
  userId?: string | null;
  [key: string]: unknown;
}

export function logInfo(message: string, fields: LogFields = {}): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", message, ...fields }));
}

export function logError(message: string, error: unknown, fields: LogFields = {}): void {
  const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { message: describe(error) };
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", message, ...fields, error: err }));
}

/** Something thrown that is not an Error, readable: never "[object Object]". */
function describe(thrown: unknown): string {
  if (typeof thrown !== "object" || thrown === null) return String(thrown);
  try {
    return JSON.stringify(thrown);
  } catch {
    return Object.prototype.toString.call(thrown);
  }
}
