import * as z from "zod";

// Parsed once at start-up; a bad setting stops the server with a clear message.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  /** "false": `npm start` leaves an empty database empty instead of seeding the demo municipality. */
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  /** Where links in emails point, e.g. https://refleks.gentofte.dk */
  APP_URL: z.string().url().optional(),
  BRAND_NAME: z.string().min(1).default("Refleks"),
  EMAIL_API_URL: z.string().url().default("https://api.postmarkapp.com/email"),
  EMAIL_API_KEY: z.string().optional(),
  EMAIL_FROM: z.string().default("Refleks <noreply@refleks.local>"),
  /** The municipality's mail relay, e.g. smtp://user:pass@relay.kommune.dk:587 (used before the HTTP API when set). */
  SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  /** How long one delivery may take before it counts as failed (and is retried later). */
  EMAIL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  OUTBOX_DIR: z.string().default("./data/outbox"),
  /** The SMS gateway's HTTP API (POST JSON {from, to, text} with a Bearer key); without it SMS go to OUTBOX_DIR. */
  SMS_API_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  SMS_API_KEY: z.string().optional(),
  /** The sender name shown on the phone (at most 11 letters or digits). */
  SMS_SENDER: z
    .string()
    .regex(/^[A-Za-z0-9]{1,11}$/, "SMS_SENDER: at most 11 letters or digits")
    .default("Refleks"),
  /** Uploaded videos and caption files. */
  UPLOADS_DIR: z.string().default("./data/uploads"),
  MAX_VIDEO_MB: z.coerce.number().int().positive().default(300),
  /** Cookies get `Secure` when the site is served over https (the default in production). */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /** Accounts unused this long are warned by email, and erased 30 days later unless used (npm run retention). */
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  /** The first step of the growing delay on the login and public forms (tests use 1). */
  RATE_LIMIT_DELAY_STEP_MS: z.coerce.number().int().min(0).default(250),
  /** express "trust proxy" (e.g. "loopback" or "1") when a reverse proxy sets X-Forwarded-For. */
  TRUST_PROXY: z.string().optional(),
  /** GET /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(16, "METRICS_TOKEN: at least 16 characters").optional()),
  /** Or: /metrics on a port of its own (for the scraper's network only), and not on PORT. */
  METRICS_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  /** "off": the app runs no scheduled jobs (for operators who keep cron; see README "Drift"). */
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  /** Where the nightly SQLite backup goes, and how many copies are kept. */
  BACKUP_DIR: z.string().default("./data/backups"),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  /** "true": every response says how many SQL statements it sent and their time (Server-Timing; npm run bench uses it). */
  SERVER_TIMING: z.enum(["true", "false"]).optional(),
  /**
   * scrypt's cost for new password hashes, as log2 N: 15 (32 MiB and about 60 ms a
   * hash). The test suite lowers it to 10; production refuses anything below 15.
   * A stored hash names its own cost, so a hash made at either cost still verifies.
   */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(15),
});

export type Env = z.infer<typeof schema>;

const FULL_PASSWORD_HASH_COST = 15;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  if (parsed.data.NODE_ENV === "production" && parsed.data.PASSWORD_HASH_COST < FULL_PASSWORD_HASH_COST) {
    throw new Error(`Invalid environment: PASSWORD_HASH_COST below ${FULL_PASSWORD_HASH_COST} is for tests only, never in production.`);
  }
  return parsed.data;
}

export const env = readEnv();

export function appUrl(): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

export function secureCookies(): boolean {
  return env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : env.NODE_ENV === "production";
}
