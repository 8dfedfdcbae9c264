import { describe, expect, it } from "vitest";

import { reviewOverdue } from "~/profiles/review.server";
import * as home from "~/routes/_index";
import * as queue from "~/routes/godkendelse";

import { db } from "../db/client.server";
import { createFlexjobberWithProfile, createUser } from "./factories";
import { get, run, sessionCookie } from "./http";

// "Målet er svar inden for 3 hverdage": a profile waiting longer is marked on
// Overblik and in the queue, so it is not left behind the newer ones.

describe("the review queue's promise", () => {
  it("counts weekdays in Danish time: sent on a Friday, overdue from the Thursday after", () => {
    const friday = new Date("2026-11-27T15:00:00Z");
    expect(reviewOverdue(friday.toISOString(), new Date("2026-12-02T10:00:00Z"))).toBe(false); // Wednesday: the third weekday
    expect(reviewOverdue(friday.toISOString(), new Date("2026-12-03T10:00:00Z"))).toBe(true); // Thursday
    // 23:30 Danish time on Friday is still Friday, though it is 22:30 UTC.
    expect(reviewOverdue("2026-11-27T22:30:00Z", new Date("2026-12-02T22:30:00Z"))).toBe(false);
    expect(reviewOverdue(null)).toBe(false);
  });

  it("Overblik says how many waited too long, and the queue marks them", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const { user: old } = await createFlexjobberWithProfile(db, { name: "Olga Ældre" }, { status: "pending" }, new Date(Date.now() - 10 * 86_400_000));
    await createFlexjobberWithProfile(db, { name: "Nina Ny" }, { status: "pending" });
    const overview = (await (await run(home.loader, get("/", cookie))).json()) as { overview: { profilesToReview: number; profilesOverdue: number } };
    expect(overview.overview).toMatchObject({ profilesToReview: 2, profilesOverdue: 1 });
    const list = (await (await run(queue.loader, get("/godkendelse", cookie))).json()) as { profiles: { userId: string; overdue: boolean }[] };
    expect(list.profiles.map((p) => [p.userId === old.id, p.overdue])).toEqual([
      [true, true],
      [false, false],
    ]);
  });
});
