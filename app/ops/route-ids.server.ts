import type { ServerBuild } from "@remix-run/node";
import { type AgnosticRouteObject as RouteObject, matchRoutes } from "@remix-run/router";

/**
 * Which Remix route answers a path ("routes/kandidater_.$alias"), for the
 * request metrics' label: a pattern, never the path itself, so no alias, id or
 * name becomes a label value. Files and unknown paths get a fixed label.
 */
export function routeIdFinder(build: Pick<ServerBuild, "routes">): (pathname: string) => string {
  const routes = Object.values(build.routes);
  const toObject = (id: string): RouteObject => {
    const route = build.routes[id]!;
    const children = routes.filter((r) => r.parentId === id).map((r) => toObject(r.id));
    return route.index ? { id, index: true, path: route.path } : { id, path: route.path, children };
  };
  const tree = routes.filter((r) => r.parentId === undefined).map((r) => toObject(r.id));
  return (pathname) => {
    if (pathname.startsWith("/build/")) return "static";
    const matches = matchRoutes(tree, pathname);
    return matches?.at(-1)?.route.id ?? "unmatched";
  };
}
