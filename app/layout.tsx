import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { currentActor } from "@/lib/auth/current-actor";
import { isDemoMode, isLocalMailboxEnabled, isPaymentTestMode } from "@/lib/env";
import { unreadNotificationCount } from "@/lib/notifications/inbox";
import { setLocaleAction, signOutAction } from "./actions/session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s · Compagnon` }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, p, actor] = await Promise.all([getLocale(), getTranslations("common"), getTranslations("payments"), currentActor()]);
  // The bell's number: one indexed count, only for a signed-in person.
  const unread = actor ? await unreadNotificationCount(actor.id) : 0;
  const demo = isDemoMode();
  // Without Stripe keys no real money moves: said on every page, once, even with the demo banner.
  const testPayments = isPaymentTestMode();
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only z-50 rounded bg-white px-4 py-2 font-semibold focus:not-sr-only focus:absolute focus:left-4 focus:top-4"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          {demo || testPayments ? (
            <p className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
              {demo && testPayments ? p("bannerDemoTestMode") : demo ? t("demoBanner") : p("bannerTestMode")}
            </p>
          ) : null}
          <SiteHeader
            user={actor ? { email: actor.email, role: actor.role, unreadNotifications: unread } : null}
            showMailbox={isLocalMailboxEnabled()}
            signOutAction={signOutAction}
            setLocaleAction={setLocaleAction}
          />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
