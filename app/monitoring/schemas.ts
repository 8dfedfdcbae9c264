import * as z from "zod";

/** "Kør nu" on the Drift page: which job (checked against the jobs that apply on the server). */
export const runJobSchema = z.object({
  intent: z.literal("run"),
  job: z.string().trim().min(1, "Vælg et job.").max(40, "Vælg et job."),
});
