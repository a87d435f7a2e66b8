import "server-only";
import { eq } from "drizzle-orm";
import type { NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { db, getDb } from "@/db/client";
import { users, type Locale, type SecondFactorMethod, type UserRole } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { appOrigin, appUrl, appUsesHttps } from "@/lib/http/app-url";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type AppLocale } from "@/lib/i18n/locale";
import { requestLocale } from "@/lib/i18n/locale-cookie";
import { createHash } from "node:crypto";
import { compagnonAdapter } from "./adapter";

export const MAGIC_LINK_MINUTES = 30;

declare module "next-auth" {
  interface User {
    role?: UserRole | null;
    locale?: Locale;
    suspendedAt?: Date | null;
  }
  interface Session {
    user: {
      id: string;
      email: string;
      name?: string | null;
      role: UserRole | null;
      locale: Locale;
      suspended: boolean;
      /** How this session passed the admin second factor; null until then. */
      secondFactor: SecondFactorMethod | null;
    };
    /** The session row's public id (not its token). */
    sessionId: string;
  }
}

function cookieLocale(request: Request): string | undefined {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  return match?.[1];
}

/** The language of a sign-in email: the account's own, else the browser's. */
async function emailLocale(email: string, request: Request): Promise<AppLocale> {
  const existing = await db.query.users.findFirst({ where: eq(users.email, email), columns: { locale: true } });
  if (existing) return existing.locale;
  const fromCookie = cookieLocale(request);
  return isLocale(fromCookie) ? fromCookie : negotiateLocale(request.headers.get("accept-language"));
}

const CALLBACK_PATH = "/api/auth/callback/email";

/**
 * The link we email, on APP_URL's origin whatever host Auth.js derived: the token must only
 * ever travel to our own site, never to a host named in a forged request header.
 */
export function signInLink(authJsUrl: string): string {
  const { pathname, search } = new URL(authJsUrl);
  if (pathname !== CALLBACK_PATH) throw new Error(`unexpected sign-in callback path: ${pathname}`);
  return appUrl(`${pathname}${search}`);
}

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  from: "Compagnon",
  maxAge: MAGIC_LINK_MINUTES * 60,
  options: {},
  async sendVerificationRequest({ identifier, url, request }) {
    const locale = await emailLocale(identifier, request);
    const link = signInLink(url);
    await db.transaction((tx) =>
      sendEmail(tx, {
        template: "sign-in",
        to: identifier,
        props: { locale, url: link, expiresInMinutes: MAGIC_LINK_MINUTES },
        idempotencyKey: `sign-in:${createHash("sha256").update(link).digest("hex")}`,
      }),
    );
  },
};

/**
 * At sign-in the account takes the language the person is using (the one chosen on this browser,
 * else the browser's), so that the emails that follow speak it too.
 */
async function alignLocale(user: { id?: string; locale?: Locale }): Promise<void> {
  const current = await requestLocale();
  if (current && user.id && current.locale !== user.locale) {
    await db.update(users).set({ locale: current.locale }).where(eq(users.id, user.id));
  }
}

function isAdminEmail(email: string | null | undefined): boolean {
  return !!email && env().ADMIN_EMAILS.includes(email.toLowerCase());
}

/** The Auth.js configuration (apart from `auth.ts`, so that tests run Auth.js itself on it). */
export const authConfig = (): NextAuthConfig => {
  // Auth.js derives its own URLs (the action URL, the emailed link's origin, the callback's
  // redirects) from AUTH_URL when it is set, and from the request's Host / X-Forwarded-*
  // headers otherwise: pin it to APP_URL so that no header can choose the origin.
  process.env.AUTH_URL = appOrigin();
  return {
    adapter: compagnonAdapter(getDb()),
    secret: env().AUTH_SECRET,
    // Host headers are not trusted for URLs (AUTH_URL above); the proxy refuses a foreign Host.
    trustHost: true,
    // Secure, `__Secure-`-prefixed cookies follow APP_URL's scheme, whatever the headers say.
    useSecureCookies: appUsesHttps(),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    providers: [emailProvider],
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    callbacks: {
      // A suspended account gets no link and cannot complete one it already had.
      signIn: ({ user }) => !user.suspendedAt,
      session: ({ session, user }) => ({
        expires: session.expires,
        // The adapter reads the whole session row; only its public id and factor go out.
        sessionId: (session as unknown as { id: string }).id,
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role ?? null,
          locale: user.locale ?? "fr",
          suspended: !!user.suspendedAt,
          secondFactor: (session as unknown as { secondFactorMethod: SecondFactorMethod | null }).secondFactorMethod ?? null,
        },
      }),
    },
    events: {
      async signIn({ user }) {
        await alignLocale(user);
        if (user.id && isAdminEmail(user.email) && user.role !== "admin") {
          await db.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
        }
      },
    },
  };
};
