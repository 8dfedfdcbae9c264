// npm run migrate: brings the database at DATABASE_PATH up to date (npm start does this too).
import { databasePath, openDatabase } from "../db/kysely";
import { migrateToLatest } from "../db/migrate";

const { db } = openDatabase(databasePath());
await migrateToLatest(db);
await db.destroy();
console.log(`Databasen ${databasePath()} er opdateret.`);
