// The local test provider of `npm run dev:idp` (scripts/idp) and the demo
// data agree on these, so the demo citizen can log in with "MitID" locally.
export const DEV_IDP_PORT = 4100;
export const DEV_IDP_ISSUER = `http://127.0.0.1:${DEV_IDP_PORT}`;
/** Bente Berg (borger@demo.refleks.dk): her test MitID is linked in the demo data. */
export const DEMO_CITIZEN_SUBJECT = "mitid-bente-berg";
