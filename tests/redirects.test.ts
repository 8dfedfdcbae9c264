import { describe, expect, it } from "vitest";

import { safeRedirect } from "~/auth/session.server";
import { action } from "~/routes/login";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { post, run } from "./http";

// Known open-redirect bypasses, as the raw value the action reads from the form.
const BYPASSES = [
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/\nevil.example",
  "/%0Aevil.example",
  "%0A",
  "\n/",
  "javascript:alert(1)",
  "/javascript:alert(1)//%0a",
  "https:evil.example",
  "https://evil.example/",
  "\\\\evil.example",
  "/%2F/evil.example",
  "/%252F/evil.example",
  "/%25252F%25252Fevil.example",
  "/%5C%5Cevil.example",
  "/%255Cevil.example",
  " //evil.example",
  "/\u0000/evil.example",
  "/%E0%A4%A",
];

describe("safeRedirect", () => {
  it("keeps ordinary local paths with their query", () => {
    expect(safeRedirect("/profil")).toBe("/profil");
    expect(safeRedirect("/kandidater?q=lager&side=2")).toBe("/kandidater?q=lager&side=2");
    expect(safeRedirect("/job/12#interesse")).toBe("/job/12#interesse");
  });

  it.each(BYPASSES)("sends %j home instead", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("never follows them after a login, and never answers 500", async () => {
    const user = await createUser(db, { role: "flexjobber" });
    for (const redirectTo of BYPASSES) {
      const res = await run(action, post("/login", { email: user.email, password: user.password, redirectTo }));
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe("/");
    }
  });
});
