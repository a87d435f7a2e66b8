/**
 * Regression (security issue, critical): the emailed sign-in link took its origin from the
 * request's Host / X-Forwarded-Host / X-Forwarded-Proto. A forged request must still produce a
 * link on APP_URL, so that the token never travels to another site.
 */
import { desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";

const request = vi.hoisted(() => ({ headers: new Headers() }));

// Auth.js's signIn() reads the incoming request through next/headers: give it a forged one.
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => {
    const jar = new Map<string, string>();
    return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), set: (name: string, value: string) => jar.set(name, value), getAll: () => [] };
  },
}));

const { sendMagicLink } = await import("@/lib/auth/magic-link");
const { handlers } = await import("@/lib/auth/auth");

const forged = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  origin: "https://evil.example",
  "content-type": "application/x-www-form-urlencoded",
};

async function lastEmailTo(to: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(desc(emailOutbox.createdAt)).limit(1);
  if (!row) throw new Error(`no email to ${to}`);
  return row;
}

function links(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
}

afterEach(() => {
  request.headers = new Headers();
  process.env.APP_URL = "http://localhost:3000";
  resetEnvCache();
});

describe("sign-in link origin", () => {
  it("comes from APP_URL even when every host header is forged", async () => {
    request.headers = new Headers(forged);
    await sendMagicLink("claire@example.test", "/dashboard");
    const email = await lastEmailTo("claire@example.test");
    expect(email.html).not.toContain("evil.example");
    expect(email.text).not.toContain("evil.example");
    const signInLinks = links(email.html).filter((href) => href.includes("/api/auth/callback/email"));
    expect(signInLinks.length).toBeGreaterThan(0);
    for (const href of signInLinks) {
      const url = new URL(href);
      expect(url.origin).toBe("http://localhost:3000");
      expect(url.searchParams.get("token")).toMatch(/^[0-9a-f]{64}$/);
      expect(new URL(url.searchParams.get("callbackUrl")!).origin).toBe("http://localhost:3000");
    }
  });

  it("still works for an ordinary request", async () => {
    request.headers = new Headers({ host: "localhost:3000", "content-type": "application/x-www-form-urlencoded" });
    await sendMagicLink("julien@example.test", "/jobs");
    const email = await lastEmailTo("julien@example.test");
    const href = links(email.html).find((h) => h.includes("/api/auth/callback/email"));
    expect(href).toMatch(/^http:\/\/localhost:3000\/api\/auth\/callback\/email\?/);
    expect(new URL(href!).searchParams.get("callbackUrl")).toBe("http://localhost:3000/jobs");
  });
});

describe("session cookie", () => {
  it("is Secure and __Secure- prefixed when APP_URL is https, whatever the request says", async () => {
    process.env.APP_URL = "https://compagnon.example";
    resetEnvCache();
    request.headers = new Headers({ host: "compagnon.example", "content-type": "application/x-www-form-urlencoded" });
    await sendMagicLink("secure@example.test", "/dashboard");
    const email = await lastEmailTo("secure@example.test");
    const link = new URL(links(email.html).find((h) => h.includes("/api/auth/callback/email"))!);
    expect(link.origin).toBe("https://compagnon.example");

    // The proxy in front did not say https (no X-Forwarded-Proto): the request arrives as http.
    const { NextRequest } = await import("next/server");
    const response = await handlers.GET(new NextRequest(`http://compagnon.example${link.pathname}${link.search}`));
    const setCookie = response.headers.getSetCookie();
    const session = setCookie.find((c) => c.includes("session-token="));
    expect(session).toMatch(/^__Secure-authjs\.session-token=/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(response.headers.get("location")).toBe("https://compagnon.example/dashboard");
  });
});
