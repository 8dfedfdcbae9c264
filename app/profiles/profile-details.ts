import type { Accommodation, Experience, Profile, ProfileTermKind } from "../../db/schema";
import type { TimeOfDay } from "./options";

// The shape of a loaded profile, apart from the code that loads it, so the
// company view and the search index can use it without importing the loader.

export interface ProfileItem {
  id: number;
  label: string;
}

/** Everything on one flexjobber's profile, as the flexjobber sees it. */
export interface ProfileDetails {
  profile: Profile;
  timesOfDay: TimeOfDay[];
  terms: Record<ProfileTermKind, ProfileItem[]>;
  experiences: Experience[];
  accommodations: Accommodation[];
  /** Active explicit consent to show skånebehov (GDPR art. 9). */
  healthConsent: boolean;
}
