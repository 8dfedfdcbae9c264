// The windows staff can choose for "Hvor ofte logger fleksjobberne på?"
// (METRICS.md: 28 days by default). Client-safe: the page's picker uses it.
export const WINDOWS = [28, 56, 84] as const;
export type WindowDays = (typeof WINDOWS)[number];
export const DEFAULT_WINDOW: WindowDays = 28;
