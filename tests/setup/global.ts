import { postgresTestUrl, prepareTemplate } from "./postgres";

// Once per run: on PostgreSQL, the template every test file's database is copied from.
export default async function setup(): Promise<void> {
  const url = postgresTestUrl();
  if (url) await prepareTemplate(url);
}
