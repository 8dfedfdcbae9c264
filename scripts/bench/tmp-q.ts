import { openDatabase } from "../../db/kysely";
import { visibleProfiles } from "../../app/profiles/visibility.server";
import { loadCandidateForCompany } from "../../app/profiles/candidates.server";
const { db, sqlite } = openDatabase("bench/data/large.sqlite");
const alias = (sqlite.prepare("select alias from profiles where user_id = 'bench-flex-2'").get() as { alias: string }).alias;
const c = visibleProfiles(db, 1).select("p.userId").where("p.alias", "=", alias).compile();
console.log(sqlite.prepare("explain query plan " + c.sql).all(...(c.parameters as unknown[])).map((r: any) => r.detail));
for (let i = 0; i < 3; i++) { const t0 = performance.now(); await loadCandidateForCompany(db, { alias, companyId: 1, viewerId: "bench-company-1" }); console.log("page", (performance.now() - t0).toFixed(1)); }
const t0 = performance.now(); sqlite.prepare(c.sql).all(...(c.parameters as unknown[])); console.log("visible", (performance.now() - t0).toFixed(1));
