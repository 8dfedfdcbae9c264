import * as z from "zod";

import { requiredCheckbox } from "~/utils/fields";

const confirm = requiredCheckbox("Sæt kryds for at bekræfte, at du vil slette.");

/** "Slet min konto" and the staff's and company admin's erasure: one plain confirmation. */
export const eraseAccountSchema = z.object({ intent: z.literal("delete-account"), confirm });

/** A company admin removes a colleague's account (the same erasure). */
export const removeColleagueSchema = z.object({ intent: z.literal("remove"), userId: z.string().min(1), confirm });

/** Every button on /mine-data. */
export const myDataActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("withdraw-sharing") }),
  z.object({ intent: z.literal("give-sharing") }),
  z.object({ intent: z.literal("withdraw-health") }),
  eraseAccountSchema,
]);
