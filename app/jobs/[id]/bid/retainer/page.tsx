import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RetainerTermsForm } from "@/components/retainers/RetainerTermsForm";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { getMyBidForJob } from "@/lib/bids/client-bids";
import { getJobForViewer } from "@/lib/jobs/queries";
import { retainerTermsToForm } from "@/lib/retainers/form-input";
import { getRetainerTerms } from "@/lib/retainers/terms";
import { saveRetainerTermsAction } from "../../retainer-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retainers"))("termsTitle") };
}

/** The expert states the service level of its bid on a monthly support need, while the bid can be edited. */
export default async function RetainerTermsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/jobs/${id}/bid/retainer`)}`);
  if (actor.role !== "expert") notFound();
  const [view, bid, t] = await Promise.all([getJobForViewer(actor, id), getMyBidForJob(actor, id), getTranslations("retainers")]);
  if (!view || !bid || bid.status === "withdrawn" || view.job.kind !== "support_monthly") notFound();
  const terms = await getRetainerTerms(actor, bid.id);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/jobs/${id}`} className="text-sm font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700">
          <span aria-hidden="true">←</span> {t("backToJob")}
        </Link>
      </p>
      <PageHeading title={t("termsTitle")} lead={t("termsLead", { job: view.job.title })} />
      {bid.status === "submitted" ? (
        <section aria-label={t("termsTitle")} className="rounded-lg border border-brand-100 bg-white p-6">
          <RetainerTermsForm
            jobId={id}
            bidId={bid.id}
            initial={retainerTermsToForm(terms)}
            action={saveRetainerTermsAction}
          />
        </section>
      ) : (
        <Alert tone="info">{t("termsLocked")}</Alert>
      )}
    </div>
  );
}
