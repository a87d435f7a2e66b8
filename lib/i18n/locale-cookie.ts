import { cookies, headers } from "next/headers";
import { appUsesHttps } from "@/lib/http/app-url";
import { LOCALE_COOKIE, resolveLocale, type AppLocale } from "./locale";

/** Keeps the language a person chose, for a year, on this browser. */
export async function setLocaleCookie(locale: AppLocale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: appUsesHttps(),
  });
}

/**
 * The language of the current request: the one chosen on this browser (the cookie), else the
 * browser's. Null outside a request (a script, a test that drives Auth.js without headers).
 */
export async function requestLocale(): Promise<{ locale: AppLocale } | null> {
  try {
    const [jar, headerList] = await Promise.all([cookies(), headers()]);
    return { locale: resolveLocale(jar.get(LOCALE_COOKIE)?.value, headerList.get("accept-language")) };
  } catch {
    return null;
  }
}
