import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/proxy";

describe("content security policy", () => {
  const policy = contentSecurityPolicy("bm9uY2U=", false);
  const directives = new Map(policy.split("; ").map((d) => [d.split(" ")[0], d]));

  it("allows only our own origin and the per-request nonce", () => {
    expect(directives.get("default-src")).toBe("default-src 'self'");
    expect(directives.get("script-src")).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).not.toMatch(/https?:/);
  });

  it("has no unsafe-eval in production, and closes objects, base URIs and framing", () => {
    expect(policy).not.toContain("unsafe-eval");
    expect(directives.get("object-src")).toBe("object-src 'none'");
    expect(directives.get("base-uri")).toBe("base-uri 'none'");
    expect(directives.get("frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("allows eval only for the development server", () => {
    expect(contentSecurityPolicy("x", true)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("x", false)).toContain("form-action 'self';");
    expect(contentSecurityPolicy("x", false, true)).toContain("form-action 'self' https://checkout.stripe.com https://connect.stripe.com;");
  });
});
