import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RetainerTermsForm } from "@/components/retainers/RetainerTermsForm";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { retainerTermsToForm } from "@/lib/retainers/form-input";
import { getRetainerTerms } from "@/lib/retainers/terms";
import { saveRetainerTermsAction } from "../../retainer-actions";
import { loadBidTermsPage } from "../load-bid-terms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retainers"))("termsTitle") };
}

/** The expert states the service level of its bid on a monthly support need, while the bid can be edited. */
export default async function RetainerTermsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, view, bid } = await loadBidTermsPage(id, "support_monthly", `/jobs/${id}/bid/retainer`);
  const [terms, t] = await Promise.all([getRetainerTerms(actor, bid.id), getTranslations("retainers")]);
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
