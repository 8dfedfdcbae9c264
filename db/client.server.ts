import { openAppDatabase } from "./kysely";

// The app's database, opened on first import: the SQLite file, or PostgreSQL
// when DATABASE_URL names it. Tests point DATABASE_PATH (or DATABASE_URL) at
// a fresh database before anything imports this module.
export const db = openAppDatabase();
