/**
 * Regression (trust issue, item 9): an expert browsing in English got French emails and /account
 * said "Language: French": a new account took French whatever the browser said, and a language
 * chosen before signing in never reached the account.
 */
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { lastEmailTo, signInLinkOf } from "../../helpers/magic-link";
import { fakeRequest, resetFakeRequest } from "../../helpers/next-headers";

vi.mock("next/headers", () => import("../../helpers/next-headers"));

const { sendMagicLink } = await import("@/lib/auth/magic-link");
const { handlers } = await import("@/lib/auth/auth");
const { NextRequest } = await import("next/server");

afterEach(resetFakeRequest);

/** Asks for a link and follows it, as the browser described by `browser` would. */
async function signInWith(email: string, browser: { acceptLanguage: string; cookie?: "fr" | "en" }) {
  fakeRequest.headers = new Headers({ host: "localhost:3000", "accept-language": browser.acceptLanguage, "content-type": "application/x-www-form-urlencoded" });
  if (browser.cookie) fakeRequest.cookies.set("NEXT_LOCALE", browser.cookie);
  await sendMagicLink(email, "/dashboard");
  const mail = await lastEmailTo(email);
  const link = signInLinkOf(mail!.html);
  const response = await handlers.GET(new NextRequest(`http://localhost:3000${link.pathname}${link.search}`, { headers: fakeRequest.headers }));
  expect(response.headers.get("location")).toBe("http://localhost:3000/dashboard");
  return mail!;
}

async function localeOf(email: string) {
  const row = await db.query.users.findFirst({ where: eq(users.email, email), columns: { locale: true } });
  return row?.locale;
}

describe("the account's language follows the person", () => {
  it("a new account browsing in English is English, and its emails too", async () => {
    const mail = await signInWith("new-en@example.test", { acceptLanguage: "en-GB,en;q=0.9" });
    expect(mail.subject).toMatch(/sign-in link/i);
    expect(await localeOf("new-en@example.test")).toBe("en");
  });

  it("a language chosen on the browser before signing in becomes the account's", async () => {
    await db.insert(users).values({ email: "chose-en@example.test", locale: "fr" });
    await signInWith("chose-en@example.test", { acceptLanguage: "fr-FR", cookie: "en" });
    expect(await localeOf("chose-en@example.test")).toBe("en");
  });

  it("an account signing in from an English browser becomes English", async () => {
    await db.insert(users).values({ email: "browses-en@example.test", locale: "fr" });
    await signInWith("browses-en@example.test", { acceptLanguage: "en-US,en;q=0.9,fr;q=0.5" });
    expect(await localeOf("browses-en@example.test")).toBe("en");
  });

  it("a French account signing in in French stays French", async () => {
    await db.insert(users).values({ email: "stays-fr@example.test", locale: "fr" });
    await signInWith("stays-fr@example.test", { acceptLanguage: "en-US", cookie: "fr" });
    expect(await localeOf("stays-fr@example.test")).toBe("fr");
  });
});
