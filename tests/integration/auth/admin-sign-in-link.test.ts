import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { sessions, users, verificationTokens } from "@/db/schema";
import { GET } from "@/app/api/auth/[...nextauth]/route";
import { ADMIN_LINK_MINUTES, createSignInLink } from "@/lib/auth/sign-in-link";
import { runScript } from "@/tests/helpers/scripts";

const APP_URL = process.env.APP_URL ?? "";
const AUTH_SECRET = process.env.AUTH_SECRET ?? "";

function adminCreate(email: string, extra: Record<string, string> = {}) {
  return runScript("admin-create", [email], { DATABASE_URL: process.env.DATABASE_URL, APP_URL, AUTH_SECRET, ...extra });
}

/** Opens the link as a browser would: through the real Auth.js route handler. */
async function open(link: string) {
  const response = await GET(new NextRequest(link));
  return { location: response.headers.get("location") ?? "", cookies: response.headers.getSetCookie().join("; ") };
}

afterEach(() => vi.useRealTimers());

describe("npm run admin:create -- EMAIL without a mail provider", () => {
  it("prints a one-time link, built from APP_URL, that signs the new admin in on /admin", { timeout: 60_000 }, async () => {
    const { code, stdout } = await adminCreate("First.Admin@Example.test");
    expect(code).toBe(0);
    expect(stdout).toContain("first.admin@example.test is an admin; after signing in they set up their second factor");
    expect(stdout).toContain(`no mail provider (RESEND_API_KEY) is set, so no email can be sent: here is a one-time sign-in link for first.admin@example.test, valid ${ADMIN_LINK_MINUTES} minutes`);
    const link = stdout.split("\n").find((line) => line.startsWith(`${APP_URL}/api/auth/callback/email?`)) ?? "";
    expect(new URL(link).searchParams.get("callbackUrl")).toBe(`${APP_URL}/admin`);

    const first = await open(link);
    expect(first.location).toBe(`${APP_URL}/admin`);
    expect(first.cookies).toMatch(/authjs\.session-token=/);
    const [admin] = await db.select().from(users).where(eq(users.email, "first.admin@example.test"));
    expect(admin?.role).toBe("admin");
    expect(admin?.emailVerified).not.toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, admin?.id ?? ""))).toHaveLength(1);

    // One time only.
    const again = await open(link);
    expect(again.location).toMatch(/\/signin\/error\?error=Verification/);
  });

  it("says how to sign in and prints no link when a mail provider is set", { timeout: 60_000 }, async () => {
    const { code, stdout } = await adminCreate("second.admin@example.test", { RESEND_API_KEY: "re_test" });
    expect(code).toBe(0);
    expect(stdout).toContain("they sign in with the email link they ask for on /signin");
    expect(stdout).not.toContain("/api/auth/callback");
    expect(await db.select().from(verificationTokens)).toEqual([]);
  });
});

describe("createSignInLink", () => {
  it(`is refused once ${ADMIN_LINK_MINUTES} minutes have passed`, async () => {
    await db.insert(users).values({ email: "late.admin@example.test", role: "admin" });
    const link = await createSignInLink({ email: "late.admin@example.test", appUrl: APP_URL, secret: AUTH_SECRET, callbackPath: "/admin", minutes: ADMIN_LINK_MINUTES });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + ADMIN_LINK_MINUTES * 60_000 + 1000);
    expect((await open(link.url)).location).toMatch(/\/signin\/error\?error=Verification/);
  });

  it(`still works just before ${ADMIN_LINK_MINUTES} minutes, and a token made with another secret never works`, async () => {
    await db.insert(users).values({ email: "quick.admin@example.test", role: "admin" });
    const wrong = await createSignInLink({ email: "quick.admin@example.test", appUrl: APP_URL, secret: "another-secret-another-secret-1234", callbackPath: "/admin", minutes: 15 });
    expect((await open(wrong.url)).location).toMatch(/error=Verification/);
    const link = await createSignInLink({ email: "quick.admin@example.test", appUrl: APP_URL, secret: AUTH_SECRET, callbackPath: "/admin", minutes: ADMIN_LINK_MINUTES });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (ADMIN_LINK_MINUTES - 1) * 60_000);
    expect((await open(link.url)).location).toBe(`${APP_URL}/admin`);
  });
});
