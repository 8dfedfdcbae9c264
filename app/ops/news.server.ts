// Something new that saved searches and recommendations should look at soon: a
// profile approved or shown again, an opening published. The areas that make
// the news (profiles, openings) sit below the one that acts on it (alerts), so
// a use case only leaves a mark here; the schedule's minute tick takes the
// marks and runs the alerts (app/schedule). Whatever is not taken (SCHEDULER=off,
// a restart) is found by the hourly reminders, through the alerts' high-water marks.

export type News = "profile" | "opening";

// One set per process: the Remix build and server.ts each load this module.
const KEY = Symbol.for("refleks.news");
const pending: Set<News> = ((globalThis as Record<symbol, Set<News> | undefined>)[KEY] ??= new Set<News>());

export function announceNews(news: News): void {
  pending.add(news);
}

/** The news since the last call, once. */
export function takeNews(): Set<News> {
  const taken = new Set(pending);
  pending.clear();
  return taken;
}
