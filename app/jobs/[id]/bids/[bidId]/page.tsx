import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { hiddenIdsFor } from "@/lib/moderation/visibility";
import { getLocale, getTranslations } from "next-intl/server";
import { BidDetails } from "@/components/bids/BidDetails";
import { TrainingTermsSummary } from "@/components/training/TrainingTermsSummary";
import { getTrainingTerms } from "@/lib/training/terms";
import { MessageForm } from "@/components/conversations/MessageForm";
import { MessageThread } from "@/components/conversations/MessageThread";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { markConversationRead } from "@/lib/conversations/messages";
import { getConversation } from "@/lib/conversations/queries";
import { MESSAGE_MAX_LENGTH } from "@/lib/conversations/schemas";
import { bidPrices } from "@/lib/bids/prices";
import type { AppLocale } from "@/lib/i18n/locale";
import { priceText } from "@/lib/money/price-text";
import { postMessageAction } from "./actions";
import { formatMoney } from "@/lib/money/format";

type Props = { params: Promise<{ id: string; bidId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("conversation"))("metaTitle") };
}

/**
 * Opening the page marks the conversation read (idempotent), then reads it: every message
 * marked read is on the page. Anyone who may not see it gets a 404, so that bids stay hidden.
 */
async function openConversation(actor: Actor, bidId: string) {
  try {
    await markConversationRead(actor, { bidId });
    return await getConversation(actor, bidId);
  } catch (error) {
    if (error instanceof PolicyError) return null;
    throw error;
  }
}

const linkClass = "text-sm font-medium text-brand-900 underline underline-offset-4";

export default async function ConversationPage({ params }: Props) {
  const { id, bidId } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/jobs/${id}/bids/${bidId}`)}`);
  const view = await openConversation(actor, bidId);
  if (!view || view.side === "admin" || view.bid.jobId !== id) notFound();
  const { bid, side } = view;
  const [t, b, locale, prices] = await Promise.all([getTranslations("conversation"), getTranslations("bids"), getLocale(), bidPrices([bid.id])]);
  const price = prices.get(bid.id);
  const training = await getTrainingTerms(actor, bid.id);
  const text = price ? priceText(price, locale as AppLocale) : null;
  const otherName = side === "client" ? bid.expertName : bid.organizationName;

  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <p>
        <Link href={side === "client" ? `/jobs/${id}/bids` : `/jobs/${id}`} className={linkClass}>
          <span aria-hidden="true">←</span> {side === "client" ? t("backToBids") : t("backToJob")}
        </Link>
      </p>
      <PageHeading title={t("title", { name: otherName })} lead={t("lead", { job: bid.jobTitle })} />

      <section aria-labelledby="bid-summary" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="bid-summary" className="text-lg font-semibold text-stone-900">
          {t("bidTitle")}
        </h2>
        <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-1 text-sm">
          {side === "client" ? (
            <>
              <dt className="font-semibold">{t("roleExpert")}</dt>
              <dd>
                <Link href={`/experts/${bid.expertSlug}`} className="underline">
                  {bid.expertName}
                </Link>
              </dd>
            </>
          ) : null}
          <dt className="font-semibold">{b("total")}</dt>
          <dd>{formatMoney(bid.totalCents, locale)}</dd>
          {text ? (
            <>
              <dt className="font-semibold">{b("vatRegime")}</dt>
              <dd>{text.regime}</dd>
              <dt className="font-semibold">{b("totalPaid")}</dt>
              <dd className="font-semibold">{text.inclVat}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{b("durationDays")}</dt>
          <dd>{b("daysValue", { days: bid.durationDays })}</dd>
          <dt className="font-semibold">{t("status")}</dt>
          <dd>{b(`status_${bid.status}`)}</dd>
        </dl>
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-900 underline underline-offset-4">{t("showBid")}</summary>
          <div className="mt-3">
            <BidDetails bid={bid} showNet={side === "expert"} price={price} />
          </div>
        </details>
      </section>

      {training ? <TrainingTermsSummary terms={{ ...training, qualiopi: training.qualiopiCertified ? "declared" : null }} /> : null}

      <MessageThread
        messages={view.messages}
        otherSideReadAt={view.otherSideReadAt}
        viewerSide={side}
        organizationName={bid.organizationName}
        removedIds={await hiddenIdsFor(actor, "message", view.messages.map((message) => message.id))}
        reportFrom={`/jobs/${id}/bids/${bidId}`}
      />

      {view.canWrite ? <MessageForm bidId={bid.id} maxLength={MESSAGE_MAX_LENGTH} action={postMessageAction} /> : <Alert tone="info">{t("readOnly")}</Alert>}
    </div>
  );
}
