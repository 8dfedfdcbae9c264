// npm run seed: adds the demo municipality "Jobcenter Demo" (idempotent).
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../app/demo/seed.server";
import { openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";

const db = openAppDatabase();
await prepareDatabase(db);
const result = await seedDemo(db);
await db.destroy();
console.log(result === "seeded" ? "The demo municipality is created." : "The demo municipality exists already.");
console.log(`Demo logins (password: ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.email).join(", ")}`);
