// npm run seed: adds the demo municipality "Jobcenter Demo" (idempotent).
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../app/demo/seed.server";

const db = openAppDatabase();
await prepareDatabase(db);
const result = await seedDemo(db);
await db.destroy();
console.log(result === "seeded" ? "Demo-kommunen er oprettet." : "Demo-kommunen findes allerede.");
console.log(`Demo-logins (adgangskode: ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.email).join(", ")}`);
