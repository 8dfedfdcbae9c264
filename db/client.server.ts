import { databasePath, openDatabase } from "./kysely";

// The app's one connection, opened on first import. Tests point DATABASE_PATH
// at a fresh file before anything imports this module.
const opened = openDatabase(databasePath());
export const sqlite = opened.sqlite;
export const db = opened.db;
