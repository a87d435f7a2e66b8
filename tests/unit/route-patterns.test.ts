import { describe, expect, it } from "vitest";
import { routePatterns, UNMATCHED } from "@/lib/observability/routes";

/** As next build writes them in .next/routes-manifest.json. */
const manifest = {
  staticRoutes: [{ page: "/", regex: "^/(?:/)?$" }, { page: "/signin", regex: "^/signin(?:/)?$" }, { page: "/api/health", regex: "^/api/health(?:/)?$" }],
  dynamicRoutes: [
    { page: "/contracts/[id]", regex: "^/contracts/([^/]+?)(?:/)?$" },
    { page: "/contracts/[id]/documents/[kind]", regex: "^/contracts/([^/]+?)/documents/([^/]+?)(?:/)?$" },
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
  ],
};

describe("route patterns for metric labels", () => {
  const routeOf = routePatterns(manifest);

  it("names the page, never the ids in the path", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/signin/")).toBe("/signin");
    expect(routeOf("/contracts/5b0c3c9e-8f5f-4a51-9d0e-2f5b1f0d8e11")).toBe("/contracts/[id]");
    expect(routeOf("/contracts/abc/documents/nda")).toBe("/contracts/[id]/documents/[kind]");
    expect(routeOf("/api/auth/callback/email")).toBe("/api/auth/[...nextauth]");
  });

  it("keeps the label set bounded: unknown paths and build assets share a few labels", () => {
    const labels = new Set(["/wp-admin", "/x/1", "/x/2", "/.env", "/contracts/a/b/c/d"].map(routeOf));
    expect(labels).toEqual(new Set([UNMATCHED]));
    expect(routeOf("/_next/static/chunks/abc123.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
    expect(routeOf("/_next/whatever")).toBe("/_next/(other)");
  });
});
