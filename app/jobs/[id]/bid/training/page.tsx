import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TrainingTermsForm } from "@/components/training/TrainingTermsForm";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { SESSION_ROWS, trainingTermsToForm } from "@/lib/training/form-input";
import { getTrainingTerms } from "@/lib/training/terms";
import { saveTrainingTermsAction } from "../../training-actions";
import { loadBidTermsPage } from "../load-bid-terms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("termsTitle") };
}

/** The expert states the training terms of its bid on a training need, while the bid can be edited. */
export default async function TrainingTermsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, view, bid } = await loadBidTermsPage(id, "training", `/jobs/${id}/bid/training`);
  const [terms, t] = await Promise.all([getTrainingTerms(actor, bid.id), getTranslations("training")]);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/jobs/${id}`} className="text-sm font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700">
          <span aria-hidden="true">←</span> {t("backToJob")}
        </Link>
      </p>
      <PageHeading title={t("termsTitle")} lead={t("termsLead", { job: view.job.title })} />
      {view.trainingNeed ? (
        <Alert tone="info">
          {t("needWish", { period: view.trainingNeed.wishedPeriod })} {view.trainingNeed.qualiopiRequired ? t("needQualiopiRequired") : null}
        </Alert>
      ) : null}
      {bid.status === "submitted" ? (
        <section aria-label={t("termsTitle")} className="rounded-lg border border-brand-100 bg-white p-6">
          <TrainingTermsForm
            jobId={id}
            bidId={bid.id}
            initial={trainingTermsToForm(terms, view.trainingNeed)}
            sessionRows={Math.max(SESSION_ROWS, (terms?.sessions.length ?? 0) + 2)}
            action={saveTrainingTermsAction}
          />
        </section>
      ) : (
        <Alert tone="info">{t("termsLocked")}</Alert>
      )}
    </div>
  );
}
