import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import fr from "@/messages/fr.json";
import { declaredScope, parseFile, rel, routeFiles, routeNeeds, scopeOf } from "../helpers/client-namespaces";

const ROOT = path.resolve(import.meta.dirname, "../..");
const registry: Record<string, readonly string[]> = CLIENT_NAMESPACES;
const routes = routeFiles();

/** Scopes declared by layouts (they cover the routes below them) and by pages (the page alone). */
const layoutScopes = new Map<string, string>();
const pageScopes = new Map<string, string>();
for (const route of routes) {
  const scope = declaredScope(route.file);
  if (scope) (route.layout ? layoutScopes : pageScopes).set(route.route, scope);
}

/** The scope whose messages a route file's client components get. */
function scopeFor(route: (typeof routes)[number]): string {
  return (!route.layout && pageScopes.get(route.route)) || scopeOf(route.route, route.layout, layoutScopes);
}

// Reads some 400 source files: allow for a busy machine.
describe("client components get only their messages (lib/i18n/client-namespaces.ts)", { timeout: 60_000 }, () => {
  it("each provider is declared where its scope says, with namespaces that exist", () => {
    // The root layout renders no provider: "/" is what no other scope covers, with no messages.
    expect(layoutScopes.get("/")).toBeUndefined();
    expect(registry["/"]).toEqual([]);
    for (const [route, scope] of [...layoutScopes, ...pageScopes]) expect(scope, `app${route}`).toBe(route);
    const declared = new Set(["/", ...layoutScopes.values(), ...pageScopes.values()]);
    expect([...declared].sort()).toEqual(Object.keys(registry).sort());
    for (const namespaces of Object.values(registry)) for (const namespace of namespaces) expect(Object.keys(fr)).toContain(namespace);
  });

  it("every route's client components find their namespaces in their provider", () => {
    const missing: string[] = [];
    const problems: string[] = [];
    for (const route of routes) {
      const scope = scopeFor(route);
      const needs = routeNeeds(route.file);
      problems.push(...needs.problems);
      for (const [namespace, files] of needs.namespaces) {
        if (!registry[scope]!.includes(namespace)) missing.push(`${rel(route.file)} needs "${namespace}" (${[...files].join(", ")}), scope "${scope}" does not pass it`);
      }
    }
    expect(problems).toEqual([]);
    expect(missing).toEqual([]);
  });

  it("no client component where the root renders no provider uses next-intl (it would fail in the browser)", () => {
    const orphans = routes.filter((route) => scopeFor(route) === "/").flatMap((route) => routeNeeds(route.file).intlClientFiles.map((file) => `${rel(route.file)}: ${file}`));
    expect(orphans).toEqual([]);
  });

  it("no scope passes a namespace that nothing under it uses", () => {
    const used = new Map<string, Set<string>>();
    for (const route of routes) {
      const scope = scopeFor(route);
      const set = used.get(scope) ?? new Set<string>();
      for (const namespace of routeNeeds(route.file).namespaces.keys()) set.add(namespace);
      used.set(scope, set);
    }
    const unused = Object.entries(registry).flatMap(([scope, namespaces]) => namespaces.filter((n) => !used.get(scope)?.has(n)).map((n) => `${scope}: ${n}`));
    expect(unused).toEqual([]);
  });

  it("reads a client component's namespaces, its root translator's keys and what it could not follow", () => {
    const form = parseFile(path.join(ROOT, "components/bids/BidForm.tsx"));
    expect(form.client).toBe(true);
    expect([...form.namespaces]).toContain("bids");
    expect(form.dynamic).toBe(true); // all(state.notice.key): the action's keys count
    const summary = parseFile(path.join(ROOT, "components/ui/FormErrorSummary.tsx"));
    expect([...summary.namespaces].sort()).toEqual(["common", "validation"]);
    // A client form under a scope that lacks its namespace is found.
    const needs = routeNeeds(path.join(ROOT, "app/jobs/[id]/bid/edit/page.tsx"));
    expect([...needs.namespaces.keys()]).toContain("bids");
    expect(registry["/jobs/[id]/bid/retainer"]).not.toContain("bids");
  });
});
