import type { Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Login through OpenID Connect (MitID, MitID Erhverv, the municipality's staff
// login), issue 17. Written for both databases.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // An identity at a provider, linked to one account: the provider's
  // persistent subject, never a CPR number. One per account and audience.
  await db.schema
    .createTable("login_identities")
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // "citizen" | "business" | "staff"
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("login_identities_pk", ["issuer", "subject"])
    .execute();
  await db.schema.createIndex("login_identities_user").on("login_identities").columns(["user_id", "audience"]).unique().execute();

  // One round trip to a provider, from the button to the callback (and, for an
  // invitation or access request, on to the form that uses the verified identity).
  // The browser holds only the id, in a short-lived cookie.
  await db.schema
    .createTable("oidc_logins")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    // JSON: what the login is for ({"kind":"login"}, {"kind":"invitation","token":…}, …).
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    // Set by the callback: the verified identity's claims (JSON) and when.
    .addColumn("claims", "text")
    .addColumn("verified_at", "text")
    .execute();

  // How each login happened: "password", or the audience of the provider.
  await db.schema
    .alterTable("login_events")
    .addColumn("method", "text", (c) => c.notNull().defaultTo("password"))
    .execute();
  // A session from a provider remembers which, and the ID token, so logout can end it there too.
  await db.schema.alterTable("sessions").addColumn("login_method", "text").execute();
  await db.schema.alterTable("sessions").addColumn("id_token", "text").execute();
  // A company whose access request came through MitID Erhverv: CVR and name are verified.
  await db.schema.alterTable("companies").addColumn("cvr_verified_at", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("companies").dropColumn("cvr_verified_at").execute();
  await db.schema.alterTable("sessions").dropColumn("id_token").execute();
  await db.schema.alterTable("sessions").dropColumn("login_method").execute();
  await db.schema.alterTable("login_events").dropColumn("method").execute();
  await db.schema.dropTable("oidc_logins").execute();
  await db.schema.dropTable("login_identities").execute();
}
