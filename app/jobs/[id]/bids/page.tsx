import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BidDetails } from "@/components/bids/BidDetails";
import { DeclineBidForm } from "@/components/bids/DeclineBidForm";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { listBidsForJob } from "@/lib/bids/client-bids";
import { getJobForViewer } from "@/lib/jobs/queries";
import { declineBidAction, shortlistBidAction } from "../bid-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bids"))("compareTitle") };
}

export default async function CompareBidsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/jobs/${id}/bids`)}`);
  const view = await getJobForViewer(actor, id);
  if (!view?.isMember) notFound();
  const [t, list] = await Promise.all([getTranslations("bids"), listBidsForJob(actor, id)]);
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/jobs/${id}`} className="underline">
        {t("backToJob")}
      </Link>
      <PageHeading title={t("compareTitle")} lead={t("compareLead", { job: view.job.title, count: list.length })} />
      {list.length === 0 ? (
        <p>{t("noBids")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label={t("compareTitle")}>
          {list.map((bid) => (
            <li key={bid.id} className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5">
              <h2 className="text-lg font-semibold">
                <Link href={`/experts/${bid.expertSlug}`} className="underline">
                  {bid.expertName}
                </Link>
              </h2>
              <BidDetails bid={bid} showNet={false} />
              {bid.status === "submitted" ? (
                <SimpleActionForm label={t("shortlist")} hidden={{ bidId: bid.id, jobId: id }} action={shortlistBidAction} />
              ) : null}
              {bid.status === "submitted" || bid.status === "shortlisted" ? <DeclineBidForm bidId={bid.id} jobId={id} action={declineBidAction} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
