import type { Kysely, Migration } from "kysely";

import { isPostgres } from "../kysely";
import * as m0001 from "./0001_init";
import * as m0002 from "./0002_vocabularies";
import * as m0003 from "./0003_profiles";
import * as m0004 from "./0004_openings";
import * as m0005 from "./0005_events_content";
import * as m0006 from "./0006_activity";
import * as m0007 from "./0007_activity_weeks";
import * as m0008 from "./0008_consent_retention";
import * as m0009 from "./0009_real_dates";
import * as m0010 from "./0010_email_queue";
import * as m0011 from "./0011_password_resets";
import * as m0012 from "./0012_self_service";
import * as m0013 from "./0013_threads";
import * as m0014 from "./0014_safety";
import * as m0015 from "./0015_notifications";
import * as m0016 from "./0016_alerts";
import * as m0017 from "./0017_weekly_actives_from_rows";
import * as m0018 from "./0018_weekly_actives_cache";
import * as m0019 from "./0019_search_keys";
import * as m0020 from "./0020_match_terms";
import * as m0021 from "./0021_activity_years";
import * as m0022 from "./0022_ledighed_days";
import * as m0023 from "./0023_rate_limits";
import * as m0024 from "./0024_oidc";
import * as m0025 from "./0025_follow_ups";
import * as m0026 from "./0026_last_active_day";
import * as m0027 from "./0027_sms";
import * as m0028 from "./0028_assisted_profiles";
import * as m0029 from "./0029_partial_activity_index";
import * as m0030 from "./0030_simple_search";
import * as m0031 from "./0031_job_runs";
import * as m0032 from "./0032_contact_request_opening";
import * as pg0022 from "./postgres/0022_baseline";

/**
 * Every migration, in order. Listed in code (not read from disk) so the same
 * list works from the Remix server bundle, tsx scripts and vitest.
 */
export const migrations: Record<string, Migration> = {
  "0001_init": m0001,
  "0002_vocabularies": m0002,
  "0003_profiles": m0003,
  "0004_openings": m0004,
  "0005_events_content": m0005,
  "0006_activity": m0006,
  "0007_activity_weeks": m0007,
  "0008_consent_retention": m0008,
  "0009_real_dates": m0009,
  "0010_email_queue": m0010,
  "0011_password_resets": m0011,
  "0012_self_service": m0012,
  "0013_threads": m0013,
  "0014_safety": m0014,
  "0015_notifications": m0015,
  "0016_alerts": m0016,
  "0017_weekly_actives_from_rows": m0017,
  "0018_weekly_actives_cache": m0018,
  "0019_search_keys": m0019,
  "0020_match_terms": m0020,
  "0021_activity_years": m0021,
  "0022_ledighed_days": m0022,
  "0023_rate_limits": m0023,
  "0024_oidc": m0024,
  "0025_follow_ups": m0025,
  "0026_last_active_day": m0026,
  "0027_sms": m0027,
  "0028_assisted_profiles": m0028,
  "0029_partial_activity_index": m0029,
  "0030_simple_search": m0030,
  "0031_job_runs": m0031,
  "0032_contact_request_opening": m0032,
};

/**
 * A new PostgreSQL database starts from the schema SQLite reaches at 0022
 * (docs/decisions/012); later migrations are listed in both and written for both.
 */
export const postgresMigrations: Record<string, Migration> = {
  "0022_postgres_baseline": pg0022,
  "0023_rate_limits": m0023,
  "0024_oidc": m0024,
  "0025_follow_ups": m0025,
  "0026_last_active_day": m0026,
  "0027_sms": m0027,
  "0028_assisted_profiles": m0028,
  "0029_partial_activity_index": m0029,
  "0030_simple_search": m0030,
  "0031_job_runs": m0031,
  "0032_contact_request_opening": m0032,
};

/** The migrations for the database db talks to. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function migrationsFor(db: Kysely<any>): Record<string, Migration> {
  return isPostgres(db) ? postgresMigrations : migrations;
}
