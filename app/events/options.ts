import type { Audience, Role } from "../../db/schema";

export const AUDIENCES = ["flexjobbers", "companies", "both"] as const satisfies readonly Audience[];

export const audienceLabels: Record<Audience, string> = {
  flexjobbers: "Fleksjobbere",
  companies: "Virksomheder",
  both: "Fleksjobbere og virksomheder",
};

/** The audiences a role belongs to; staff see everything. */
export function audiencesFor(role: Role): Audience[] {
  if (role === "flexjobber") return ["flexjobbers", "both"];
  if (role === "company") return ["companies", "both"];
  return [...AUDIENCES];
}

/** What a user's own sign-up is called. */
export const registrationLabels = { registered: "Du er tilmeldt", waitlist: "Du er på venteliste", cancelled: null } as const;
