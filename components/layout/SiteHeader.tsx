import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./LanguageSwitch";
import { NotificationBell } from "./NotificationBell";

interface SiteHeaderProps {
  user: { email: string; role: string | null; unreadNotifications: number } | null;
  showMailbox: boolean;
  signOutAction: (formData: FormData) => Promise<void>;
  setLocaleAction: (formData: FormData) => Promise<void>;
}

export async function SiteHeader({ user, showMailbox, signOutAction, setLocaleAction }: SiteHeaderProps) {
  const t = await getTranslations("nav");
  const link = "rounded px-2 py-2 text-sm font-medium text-stone-800 underline-offset-4 hover:underline";
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-tight text-brand-800" aria-label={`Compagnon — ${t("home")}`}>
          Compagnon
        </Link>
        <nav aria-label={t("main")} className="flex flex-wrap items-center gap-2">
          <Link href="/jobs" className={link}>
            {t("jobs")}
          </Link>
          <Link href="/experts" className={link}>
            {t("experts")}
          </Link>
          <Link href="/offers" className={link}>
            {t("offers")}
          </Link>
          <Link href="/savings" className={link}>
            {t("savings")}
          </Link>
          {/* An admin's dashboard is the administration page (/dashboard sends there): one link, so that the header keeps to one row. */}
          {user && user.role !== "admin" ? (
            <Link href="/dashboard" className={link}>
              {t("dashboard")}
            </Link>
          ) : null}
          {user?.role === "expert" ? (
            <Link href="/expert/profile" className={link}>
              {t("myProfile")}
            </Link>
          ) : null}
          {user?.role === "admin" ? (
            <>
              <Link href="/admin" className={link}>
                {t("admin")}
              </Link>
              <Link href="/admin/vetting" className={link}>
                {t("vetting")}
              </Link>
            </>
          ) : null}
          {showMailbox ? (
            <Link href="/dev/mailbox" className={link}>
              {t("mailbox")}
            </Link>
          ) : null}
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <LanguageSwitch action={setLocaleAction} />
          {user ? <NotificationBell unread={user.unreadNotifications} label={t("notifications", { count: user.unreadNotifications })} /> : null}
          {user ? (
            <form action={signOutAction} className="flex items-center gap-2">
              <span className="hidden max-w-56 truncate text-sm text-stone-600 2xl:inline" title={user.email}>
                {t("signedInAs", { email: user.email })}
              </span>
              <button type="submit" className="min-h-11 rounded-md border border-stone-300 px-3 text-sm font-semibold hover:bg-stone-100">
                {t("signOut")}
              </button>
            </form>
          ) : (
            <Link href="/signin" className="inline-flex min-h-11 items-center rounded-md bg-brand-800 px-4 text-sm font-semibold text-white hover:bg-brand-900">
              {t("signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
