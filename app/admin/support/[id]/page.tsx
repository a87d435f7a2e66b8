import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CloseThreadForm } from "@/components/support/CloseThreadForm";
import { SupportReplyForm } from "@/components/support/SupportReplyForm";
import { SupportThreadView } from "@/components/support/SupportThreadView";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { readSupportThread } from "@/lib/support/queries";
import { replySupportAction } from "../../../support/[id]/actions";
import { closeSupportAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("adminTitle") };
}

/** One support thread, answered by an admin for the platform. */
export default async function AdminSupportThreadPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: PageSearchParams }) {
  const { id } = await params;
  const { closed } = searchParamsOf(await searchParams);
  const actor = await requireAdminPage(`/admin/support/${id}`);
  const [t, thread] = await Promise.all([getTranslations("support"), readSupportThread(actor, { threadId: id })]);
  if (!thread) notFound();
  const { thread: info } = thread;
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/support" className="self-start underline">
        {t("backToList")}
      </Link>
      <PageHeading title={t("threadTitle", { subject: info.subject })} lead={`${t(`topic_${info.topic}`)} · ${t(`status_${info.status}`)}`} />
      {closed ? <Alert tone="success">{t("closed")}</Alert> : null}
      <p className="text-stone-700">
        {info.requesterName} · {info.requesterEmail} · {info.requesterId ? t("withAccount") : t("withoutAccount")}
      </p>
      <SupportThreadView messages={thread.messages} viewer="platform" requesterName={info.requesterName} />
      <SupportReplyForm threadId={info.id} label={t("adminReplyLabel")} action={replySupportAction} />
      {info.status !== "closed" ? <CloseThreadForm threadId={info.id} action={closeSupportAction} /> : null}
    </div>
  );
}
