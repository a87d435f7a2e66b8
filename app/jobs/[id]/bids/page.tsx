import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BidComparisonTable, BidSortNav, ComparedBidCard } from "@/components/bids/BidComparison";
import { notReadyList } from "@/components/bids/comparison-facts";
import { KindTermsComparison } from "@/components/bids/KindTermsComparison";
import { Alert } from "@/components/ui/Alert";
import { DeclineBidForm } from "@/components/bids/DeclineBidForm";
import { ConfirmActionForm } from "@/components/contracts/ConfirmActionForm";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { compareBidsForJob, parseBidSort, type ComparedBid } from "@/lib/bids/comparison";
import { contractIdForJob } from "@/lib/contracts/queries";
import { unreadCountsForBids } from "@/lib/conversations/queries";
import { getJobForViewer } from "@/lib/jobs/queries";
import { declineBidAction, shortlistBidAction } from "../bid-actions";
import { acceptBidAction } from "../contract-actions";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import type { AppLocale } from "@/lib/i18n/locale";
import { priceText } from "@/lib/money/price-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bids"))("compareTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: PageSearchParams };

const linkClass = "font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700";

export default async function CompareBidsPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams.then(searchParamsOf)]);
  const sort = parseBidSort(query.sort);
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/jobs/${id}/bids`)}`);
  const view = await getJobForViewer(actor, id);
  if (!view?.isMember) notFound();
  const [t, c, m, format, locale, list, contractId] = await Promise.all([
    getTranslations("bids"),
    getTranslations("contracts"),
    getTranslations("conversation"),
    getFormatter(),
    getLocale() as Promise<AppLocale>,
    compareBidsForJob(actor, id, { sort }),
    contractIdForJob(actor, id),
  ]);
  const unread = await unreadCountsForBids(actor, list.map((bid) => bid.id));
  const open = view.job.status === "open";

  /** What the client can do with one bid. */
  const actions = (bid: ComparedBid) => (
    <>
      {bid.status === "accepted" && contractId ? (
        <Link href={`/contracts/${contractId}`} className={buttonClasses("primary", "self-start")}>
          {t("openContract")}
        </Link>
      ) : null}
      {open && (bid.status === "submitted" || bid.status === "shortlisted") ? (
        <>
          {bid.notReady.length > 0 ? (
            <Alert tone="warning">{c("acceptNotReadyWarning", { expert: bid.expertName, missing: notReadyList(bid.notReady, t, format) })}</Alert>
          ) : null}
          <ConfirmActionForm
            confirmLabel={c("acceptBidConfirm", { expert: bid.expertName, total: priceText(bid.price, locale).line })}
            buttonLabel={c("acceptBidButton")}
            // The rate the client saw, and (when shown) the warning: the use case refuses otherwise.
            hidden={{ bidId: bid.id, jobId: id, vatRateBps: String(bid.price.vatRateBps), ...(bid.notReady.length > 0 ? { acceptNotReady: "yes" } : {}) }}
            action={acceptBidAction}
          />
        </>
      ) : null}
      {bid.status === "submitted" ? <SimpleActionForm label={t("shortlist")} hidden={{ bidId: bid.id, jobId: id }} action={shortlistBidAction} /> : null}
      {bid.status === "submitted" || bid.status === "shortlisted" ? <DeclineBidForm bidId={bid.id} jobId={id} action={declineBidAction} /> : null}
      <p>
        <Link href={`/jobs/${id}/bids/${bid.id}`} className={linkClass}>
          {t("openConversation", { expert: bid.expertName })}
        </Link>
        {unread[bid.id] ? <span className="ml-2 rounded-full bg-brand-800 px-2 py-0.5 text-xs font-semibold text-white">{m("unreadCount", { count: unread[bid.id] ?? 0 })}</span> : null}
      </p>
    </>
  );

  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/jobs/${id}`} className={`text-sm ${linkClass}`}>
          <span aria-hidden="true">←</span> {t("backToJob")}
        </Link>
      </p>
      <PageHeading title={t("compareTitle")} lead={t("compareSummary", { job: view.job.title, count: list.length })} />
      {list.length === 0 ? (
        <p>{t("noBids")}</p>
      ) : (
        <>
          <p className="max-w-3xl text-sm text-stone-800">{t("compareVatNote")}</p>
          <BidSortNav jobId={id} sort={sort} />
          <BidComparisonTable bids={list} sort={sort} />
          <KindTermsComparison kind={view.job.kind} bids={list} qualiopiWanted={view.trainingNeed?.qualiopiRequired} />
          <ol className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label={t("compareCaption", { sort: t(`sort_${sort}`) })}>
            {list.map((bid) => (
              <li key={bid.id} className="flex">
                <ComparedBidCard bid={bid} actions={actions(bid)} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
