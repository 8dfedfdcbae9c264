import { recommendCandidates, searchJobs } from "~/openings/job-search.server";
import { searchCandidates } from "~/profiles/search.server";
import { loadDashboard } from "~/stats/dashboard.server";

/**
 * The heavy reads a request may hand to a reader thread (pool.server.ts):
 * each is a domain function that only reads (or keeps its own caches) and
 * takes and returns plain data. A task runs the same code on either side.
 */
export const READ_TASKS = { searchCandidates, searchJobs, recommendCandidates, loadDashboard };

export type ReadTask = keyof typeof READ_TASKS;
export type TaskArgs<T extends ReadTask> = Tail<Parameters<(typeof READ_TASKS)[T]>>;
export type TaskResult<T extends ReadTask> = Awaited<ReturnType<(typeof READ_TASKS)[T]>>;
type Tail<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;
