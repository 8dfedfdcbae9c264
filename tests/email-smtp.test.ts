import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";

// SMTP delivery against a real SMTP server started inside the test (not a mock).
// The server must be listening before the app reads SMTP_URL, so the app's
// modules are imported after it starts.

interface Received {
  from: string;
  to: string[];
  data: string;
}
const received: Received[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let data = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (data += chunk));
    stream.on("end", () => {
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.server.address() as { port: number };
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;

const { db } = await import("../db/client.server");
const { sendInvitation } = await import("~/auth/invitations.server");
const { createUser } = await import("./factories");

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("SMTP delivery", () => {
  it("an invitation sent over SMTP arrives with its link, also to a Danish domain", async () => {
    const staff = await createUser(db, { role: "staff" });
    const { sent, invitation } = await sendInvitation(db, { email: "søren@ærø.dk", name: "Søren Sørensen", role: "flexjobber", invitedBy: staff.id });
    expect(sent).toBe(true);
    expect(received).toHaveLength(1);
    // Unicode where the relay speaks SMTPUTF8 (this one does), punycode otherwise.
    expect(["søren@ærø.dk", "søren@xn--r-1gaa.dk"]).toContain(received[0]!.to[0]);
    const body = received[0]!.data.replace(/=\r?\n/g, "");
    expect(body).toMatch(/http:\/\/refleks\.test\/invitation\/[A-Za-z0-9_-]{20,}/);
    const queued = await db.selectFrom("emailQueue").selectAll().where("invitationId", "=", invitation.id).executeTakeFirstOrThrow();
    expect(queued).toMatchObject({ status: "sent", body: "" });
  });
});
