import { type RawBuilder, sql } from "kysely";

/**
 * A SQL condition: the point in columns `<table>.lat/lng` lies within `km` of
 * `origin`. Flat-earth distance is exact enough inside Denmark and runs in
 * plain SQL, so distance filters stay in the query (and its pagination).
 */
export function withinKm(table: "p" | "o", origin: { lat: number; lng: number }, km: number): RawBuilder<boolean> {
  const kmPerLat = 110.57;
  const kmPerLng = 111.32 * Math.cos((origin.lat * Math.PI) / 180);
  const lat = sql.ref(`${table}.lat`);
  const lng = sql.ref(`${table}.lng`);
  return sql<boolean>`((${lat} - ${origin.lat}) * ${kmPerLat}) * ((${lat} - ${origin.lat}) * ${kmPerLat}) + ((${lng} - ${origin.lng}) * ${kmPerLng}) * ((${lng} - ${origin.lng}) * ${kmPerLng}) <= ${km * km}`;
}
