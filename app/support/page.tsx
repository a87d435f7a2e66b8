import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { listMySupportThreads } from "@/lib/support/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("myTitle") };
}

/** The signed-in person's conversations with the platform. */
export default async function MySupportPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fsupport");
  const [t, format, threads] = await Promise.all([getTranslations("support"), getFormatter(), listMySupportThreads(actor)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("myTitle")} lead={t("myLead")} />
      <p>
        <Link href="/contact" className="font-semibold text-brand-800 underline">
          {t("newMessage")}
        </Link>
      </p>
      {threads.length === 0 ? (
        <p className="text-stone-700">{t("myEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {threads.map((thread) => (
            <li key={thread.id} className="rounded-lg border border-stone-300 bg-white p-4">
              <Link href={`/support/${thread.id}`} className="font-semibold underline">
                {thread.subject}
              </Link>
              <p className="text-sm text-stone-700">
                {t(`status_${thread.status}`)} · <time dateTime={thread.lastMessageAt.toISOString()}>{format.dateTime(thread.lastMessageAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
