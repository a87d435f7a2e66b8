import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/ui/Pagination";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { listMyNotifications } from "@/lib/notifications/inbox";
import { isNotificationCategory } from "@/lib/notifications/categories";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";
import { NotificationButton } from "./NotificationButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

/** The notification centre: the person's events, newest first, each with its link; mark read. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fnotifications");
  const { page } = await searchParams;
  const [t, format, list] = await Promise.all([getTranslations("notifications"), getFormatter(), listMyNotifications(actor, Number(page ?? "1"))]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="font-medium text-stone-800">{t("unreadSummary", { count: list.unread })}</p>
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/notifications/settings" className="text-sm font-semibold text-brand-800 underline underline-offset-4">
            {t("settingsLink")}
          </Link>
          {list.unread > 0 ? <NotificationButton action={markAllNotificationsReadAction} label={t("markAllRead")} /> : null}
        </div>
      </div>
      {list.items.length === 0 ? (
        <p className="text-stone-700">{t("empty")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="flex flex-col divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {list.items.map((item) => (
            <li key={item.id} className={`flex flex-wrap items-center justify-between gap-3 p-4 ${item.readAt ? "" : "bg-brand-50"}`}>
              <div className="flex min-w-0 flex-col gap-1">
                {/* A plain link: opening marks it read, and a prefetch must not. */}
                <a href={`/notifications/${item.id}/open`} className={`text-stone-900 underline-offset-4 hover:underline ${item.readAt ? "" : "font-semibold"}`}>
                  {item.title}
                </a>
                <p className="text-sm text-stone-600">
                  <span className={item.readAt ? "" : "font-semibold text-brand-900"}>{item.readAt ? t("read") : t("unread")}</span>
                  {" · "}
                  {isNotificationCategory(item.category) ? t(`categories.${item.category}`) : item.category}
                  {" · "}
                  <time dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" })}</time>
                </p>
              </div>
              {item.readAt ? null : <NotificationButton action={markNotificationReadAction} id={item.id} label={t("markRead")} ariaLabel={t("markReadLabel", { title: item.title })} />}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={(p) => `/notifications?page=${p}`} namespace="notifications" />
    </div>
  );
}
