import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { myNotificationSettings } from "@/lib/notifications/settings";
import { saveNotificationSettingsAction } from "../actions";
import { SettingsForm } from "./SettingsForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("settings.title") };
}

/** Which events are also emailed; sign-in, security and money emails are always sent. */
export default async function NotificationSettingsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fnotifications%2Fsettings");
  const [t, settings] = await Promise.all([getTranslations("notifications"), myNotificationSettings(actor)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("settings.title")} lead={t("settings.lead")} />
      <SettingsForm action={saveNotificationSettingsAction} settings={settings} />
      <Link href="/notifications" className="text-sm font-semibold text-brand-800 underline underline-offset-4">
        {t("settings.back")}
      </Link>
    </div>
  );
}
