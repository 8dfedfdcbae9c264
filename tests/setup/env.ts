import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, inject } from "vitest";

import { databaseForTestFile, postgresTestUrl } from "./postgres";

// A fresh, migrated database for every test file, before any app module opens it:
// a copy of the migrated template (global.ts), a SQLite file or with DATABASE_URL a PostgreSQL database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refleks-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.sqlite");
fs.copyFileSync(inject("sqliteTemplate"), process.env.DATABASE_PATH);
const server = postgresTestUrl();
const postgres = server ? await databaseForTestFile(server) : null;
if (postgres) process.env.DATABASE_URL = postgres.url;
process.env.OUTBOX_DIR = path.join(dir, "outbox");
process.env.UPLOADS_DIR = path.join(dir, "uploads");
process.env.APP_URL = "http://refleks.test";
process.env.EMAIL_API_URL = "https://email.test/send";
process.env.EMAIL_API_KEY = "test-key";
process.env.SMS_API_URL = "https://sms.test/send";
process.env.SMS_API_KEY = "test-sms-key";
// The growing delay of the rate limits, in steps of 1 ms (the rule is the same, the tests stay fast).
process.env.RATE_LIMIT_DELAY_STEP_MS = "1";
// scrypt at 2^10 instead of 2^15: the same hashing, 1/32 of the work (production refuses it, see login.test.ts).
process.env.PASSWORD_HASH_COST = "10";
// A hanging email API gives up after this long (10 s in production).
process.env.EMAIL_TIMEOUT_MS = "300";

const { db } = await import("../../db/client.server");

afterAll(async () => {
  await db.destroy();
  await postgres?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});
