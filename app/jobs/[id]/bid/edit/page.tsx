import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BidForm } from "@/components/bids/BidForm";
import { bidToFormValues } from "@/components/bids/bid-form-values";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { getMyBidForJob } from "@/lib/bids/client-bids";
import { getJobForViewer } from "@/lib/jobs/queries";
import { updateBidAction } from "../../bid-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bids"))("editTitle") };
}

const linkClass = "font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700";

/** The expert edits its bid, prefilled with what it sent, while the client has not acted on it. */
export default async function EditBidPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/jobs/${id}/bid/edit`)}`);
  if (actor.role !== "expert") notFound();
  const [view, bid, t, locale] = await Promise.all([getJobForViewer(actor, id), getMyBidForJob(actor, id), getTranslations("bids"), getLocale()]);
  if (!view || !bid || bid.status === "withdrawn") notFound();
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/jobs/${id}`} className={`text-sm ${linkClass}`}>
          <span aria-hidden="true">←</span> {t("backToJob")}
        </Link>
      </p>
      <PageHeading title={t("editTitle")} lead={t("editLead", { job: view.job.title })} />
      {bid.status === "submitted" ? (
        <section aria-label={t("editTitle")} className="rounded-lg border border-brand-100 bg-white p-6">
          <BidForm
            jobId={id}
            bidId={bid.id}
            commissionBps={bid.commissionBps}
            initial={bidToFormValues(bid, locale)}
            action={updateBidAction}
            submitLabel={t("saveChanges")}
            successLink={{ href: `/jobs/${id}`, label: t("seeMyBid") }}
          />
        </section>
      ) : (
        <Alert tone="info">
          {t(bid.status === "shortlisted" ? "lockedShortlisted" : bid.status === "accepted" ? "lockedAccepted" : "lockedDeclined")}{" "}
          <Link href={`/jobs/${id}`} className={linkClass}>
            {t("seeMyBid")}
          </Link>
        </Alert>
      )}
    </div>
  );
}
