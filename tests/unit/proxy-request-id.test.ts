import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";

afterEach(() => vi.unstubAllEnvs());

async function call(path: string, headers: Record<string, string> = {}) {
  const response = await proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
  return {
    status: response.status,
    id: response.headers.get("x-request-id") ?? "",
    /** What Next.js hands the app as the request's X-Request-Id (NextResponse.next's request headers). */
    forwarded: response.headers.get("x-middleware-request-x-request-id"),
  };
}

describe("proxy.ts request id", () => {
  it("gives every request a new random id, echoed in X-Request-Id and passed to the app", async () => {
    const first = await call("/signin");
    const second = await call("/signin");
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second.id).not.toBe(first.id);
    expect(first.forwarded).toBe(first.id);
  });

  it("ignores a client's X-Request-Id without a trusted proxy, keeps a well-formed one from it", async () => {
    vi.stubEnv("TRUST_PROXY", "0");
    expect((await call("/signin", { "x-request-id": "nginx-0123456789abcdef" })).id).not.toBe("nginx-0123456789abcdef");
    vi.stubEnv("TRUST_PROXY", "1");
    const kept = await call("/signin", { "x-request-id": "nginx-0123456789abcdef" });
    expect(kept).toMatchObject({ id: "nginx-0123456789abcdef", forwarded: "nginx-0123456789abcdef" });
    expect((await call("/signin", { "x-request-id": "bad id <script>" })).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("also on the answers it gives itself: a redirect to sign in, a refused path", async () => {
    const redirect = await call("/dashboard");
    expect(redirect.status).toBe(307);
    expect(redirect.id).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await call("/jobs/%FF");
    expect(refused.status).toBe(400);
    expect(refused.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
