import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ErrorTexts } from "@/components/i18n/ErrorTexts";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { LegalUpdateBanner } from "@/components/legal/LegalUpdateBanner";
import { currentActor } from "@/lib/auth/current-actor";
import { errorTextsFrom } from "@/lib/i18n/error-texts";
import { isDemoMode, isLocalMailboxEnabled, isPaymentTestMode } from "@/lib/env";
import { unreadNotificationCount } from "@/lib/notifications/inbox";
import { pendingAcceptances } from "@/lib/legal/acceptance";
import { upcomingLegalVersions } from "@/lib/legal/announcements";
import { mayPassWithoutAccepting, PATH_HEADER } from "@/lib/legal/callback";
import { setLocaleAction, signOutAction } from "./actions/session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s · Compagnon` }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, p, e, actor] = await Promise.all([getLocale(), getTranslations("common"), getTranslations("payments"), getTranslations("errors"), currentActor()]);
  // The bell's number: one indexed count, only for a signed-in person.
  const unread = actor ? await unreadNotificationCount(actor.id) : 0;
  // A new version of the terms took effect since this person last accepted: they accept it first.
  if (actor) {
    const path = (await headers()).get(PATH_HEADER) ?? "/";
    if (!mayPassWithoutAccepting(path) && (await pendingAcceptances(actor.id)).length > 0) redirect(`/legal/accept?callbackUrl=${encodeURIComponent(path)}`);
  }
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
        {/* No translation runtime in the browser at the root (lib/i18n/client-namespaces.ts): the error page's texts only. */}
        <ErrorTexts texts={errorTextsFrom(e)}>
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
          {actor ? <LegalUpdateBanner upcoming={await upcomingLegalVersions()} /> : null}
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
            {children}
          </main>
          <SiteFooter />
        </ErrorTexts>
      </body>
    </html>
  );
}
