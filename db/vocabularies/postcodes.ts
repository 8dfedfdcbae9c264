import { POSTCODE_ROWS } from "./postcode-data";

export interface Postcode {
  code: string;
  name: string;
  lat: number;
  lng: number;
}

/** "2820" → { code, name: "Gentofte", lat, lng }, or null for a postcode we do not know. */
export function findPostcode(input: string): Postcode | null {
  const code = input.trim();
  if (!/^\d{4}$/.test(code)) return null;
  const nr = Number(code);
  const row = POSTCODE_ROWS.find(([from, to]) => nr >= from && nr <= to);
  return row ? { code, name: row[2], lat: row[3], lng: row[4] } : null;
}

/** "2820 Gentofte": the area a company may see instead of an address. */
export function postcodeLabel(code: string | null): string | null {
  if (!code) return null;
  const pc = findPostcode(code);
  return pc ? `${pc.code} ${pc.name}` : code;
}

/** Great-circle distance in whole kilometres. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}
