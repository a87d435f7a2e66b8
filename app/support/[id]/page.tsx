import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SupportReplyForm } from "@/components/support/SupportReplyForm";
import { SupportThreadView } from "@/components/support/SupportThreadView";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { readSupportThread } from "@/lib/support/queries";
import { replySupportAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("myTitle"), referrer: "no-referrer" };
}

/** A support thread, for the person who wrote: signed in, or through the secret link of our last email. */
export default async function SupportThreadPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: PageSearchParams }) {
  const [{ id }, query, actor, t] = await Promise.all([params, searchParams.then(searchParamsOf), currentActor(), getTranslations("support")]);
  const key = query.key || undefined;
  let thread: Awaited<ReturnType<typeof readSupportThread>>;
  try {
    thread = await readSupportThread(actor, { threadId: id, key });
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    // A wrong or superseded link, or someone else's thread: the same answer, nothing shown.
    return (
      <>
        <PageHeading title={t("myTitle")} />
        <Alert tone="error">{t("oldLink")}</Alert>
        <p className="mt-4">
          <Link href="/contact" className="font-semibold text-brand-800 underline">
            {t("newMessage")}
          </Link>
        </p>
      </>
    );
  }
  if (!thread) notFound();
  return (
    <div className="flex flex-col gap-6">
      {actor ? (
        <Link href={thread.side === "platform" ? `/admin/support/${id}` : "/support"} className="self-start underline">
          {t("myTitle")}
        </Link>
      ) : null}
      <PageHeading title={t("threadTitle", { subject: thread.thread.subject })} lead={t(`status_${thread.thread.status}`)} />
      <SupportThreadView messages={thread.messages} viewer={thread.side} requesterName={thread.thread.requesterName} />
      <SupportReplyForm threadId={thread.thread.id} accessKey={key} label={thread.side === "platform" ? t("adminReplyLabel") : t("replyLabel")} action={replySupportAction} />
    </div>
  );
}
