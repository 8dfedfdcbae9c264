const QUOTES = /^["“”„«»'](.*)["“”„«»']$/s;

/**
 * A name or title in quotation marks, once: a saved search is often named
 * `"køkken"` already, and `søgningen ""køkken""` reads like a fault.
 */
export function quoted(text: string): string {
  const bare = text.trim().replace(QUOTES, "$1").trim();
  return `"${bare}"`;
}
