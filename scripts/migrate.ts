// npm run migrate: brings the database at DATABASE_PATH up to date (npm start does this too).
import { databasePath, openDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";

const { db } = openDatabase(databasePath());
await prepareDatabase(db);
await db.destroy();
console.log(`Databasen ${databasePath()} er opdateret.`);
