import { openPostgres } from "./db/kysely";
import { migrateToLatest } from "./db/migrate";
const db = openPostgres(process.env.DATABASE_URL!);
await migrateToLatest(db);
await db.destroy();
console.log("ok");
