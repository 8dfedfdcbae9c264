// npm run migrate: brings the database at DATABASE_PATH (or DATABASE_URL) up to date (npm start does this too).
import { databaseLabel, openAppDatabase } from "../db/kysely";
import { prepareDatabase } from "../db/prepare";

const db = openAppDatabase();
await prepareDatabase(db);
await db.destroy();
console.log(`The database ${databaseLabel()} is up to date.`);
