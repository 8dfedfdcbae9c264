import { AsyncLocalStorage } from "node:async_hooks";

// What one request works out once and several of its loaders need (the
// session: the root loader and the page's loader both ask for it, in
// parallel). server.ts opens a scope per request; outside one (tests, scripts)
// every call computes afresh.

// One store per process: server.ts and the Remix server bundle each carry a copy of this module.
const KEY = Symbol.for("refleks.request-scope");
const shared = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<Map<string, Promise<unknown>>> };
const scope = (shared[KEY] ??= new AsyncLocalStorage<Map<string, Promise<unknown>>>());

/** Runs fn (and everything it starts) in a fresh request scope. */
export function inRequestScope<T>(fn: () => T): T {
  return scope.run(new Map(), fn);
}

/** compute() once per request scope and key; the same promise to every caller of the request. */
export function oncePerRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return compute();
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as Promise<T>;
}
