import { POSTCODE_ROWS } from "./postcode-data";

export interface Postcode {
  code: string;
  name: string;
  lat: number;
  lng: number;
}

/** Bumped whenever the points change, so stored copies are refreshed on start (2: SDFI points). */
export const POSTCODE_DATA_VERSION = "2";

/** The source the points come from; shown on "Privatliv". */
export const POSTCODE_ATTRIBUTION = "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur (DAGI, DAWA).";

const BY_CODE = new Map(POSTCODE_ROWS.map(([code, name, lat, lng]) => [code, { name, lat, lng }]));

// Central Copenhagen has business postcodes without an area of their own (e.g.
// 1092, 1448): they are accepted and measured from their district's centre.
const CENTRAL_COPENHAGEN = [
  { from: 1000, to: 1499, name: "København K", lat: 55.679, lng: 12.577 },
  { from: 1500, to: 1799, name: "København V", lat: 55.669, lng: 12.553 },
  { from: 1800, to: 1999, name: "Frederiksberg C", lat: 55.678, lng: 12.532 },
];

/** "2820" → { code, name: "Gentofte", lat, lng }, or null for a postcode we do not know. */
export function findPostcode(input: string): Postcode | null {
  const code = input.trim();
  if (!/^\d{4}$/.test(code)) return null;
  const nr = Number(code);
  const point = BY_CODE.get(nr) ?? CENTRAL_COPENHAGEN.find((r) => nr >= r.from && nr <= r.to);
  return point ? { code, name: point.name, lat: point.lat, lng: point.lng } : null;
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
