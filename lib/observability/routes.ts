/**
 * The route pattern of a request path (`/contracts/3f…` → `/contracts/[id]`), for metric labels:
 * raw paths carry ids and would make the label set grow without end. Patterns come from the
 * build's routes manifest (.next/routes-manifest.json); a path no page answers is "(unmatched)".
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

interface ManifestRoute {
  page: string;
  regex: string;
}
export interface RoutesManifest {
  staticRoutes?: ManifestRoute[];
  dynamicRoutes?: ManifestRoute[];
}

export type RoutePattern = (pathname: string) => string;

export const UNMATCHED = "(unmatched)";

export function routePatterns(manifest: RoutesManifest): RoutePattern {
  const statics = new Set((manifest.staticRoutes ?? []).map((route) => route.page));
  const dynamics = (manifest.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return pathname.startsWith("/_next/static/") ? "/_next/static" : pathname.startsWith("/_next/image") ? "/_next/image" : "/_next/(other)";
    const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    if (statics.has(trimmed)) return trimmed;
    return dynamics.find((route) => route.regex.test(trimmed))?.page ?? UNMATCHED;
  };
}

/** The patterns of the build in `dir`'s `.next` (none without a build: every path is unmatched). */
export function loadRoutePatterns(dir = process.cwd()): RoutePattern {
  const file = path.join(dir, ".next", "routes-manifest.json");
  const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as RoutesManifest) : {};
  return routePatterns(manifest);
}
