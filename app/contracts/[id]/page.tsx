import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CancelContractForm } from "@/components/contracts/CancelContractForm";
import { ContractParties } from "@/components/contracts/ContractParties";
import { MilestoneList } from "@/components/contracts/MilestoneList";
import { ContractReviews } from "@/components/reviews/ContractReviews";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { deliveryAttachments } from "@/lib/attachments/queries";
import { disputesOfContract } from "@/lib/disputes/queries";
import { getContractMoney } from "@/lib/payments/contract-money";
import { getContractReviews } from "@/lib/reviews/queries";
import { cancelContractAction } from "./admin-actions";
import { awaitsAcceptance } from "@/lib/contracts/queries";
import { loadContractPage } from "./load-contract";
import {
  approveMilestoneAction,
  deliverMilestoneAction,
  fundMilestoneAction,
  openDisputeAction,
} from "./payment-actions";
import { leaveReviewAction } from "./review-actions";
import {
  searchParamsOf,
  type PageSearchParams,
} from "@/lib/http/search-params";
import type { AppLocale } from "@/lib/i18n/locale";
import { contractVatTreatment } from "@/lib/money/vat-treatment";
import { priceText } from "@/lib/money/price-text";
import { getMyReadiness } from "@/lib/experts/readiness";
import { isPaymentTestMode } from "@/lib/env";
import { ReadinessChecklist } from "@/components/experts/ReadinessChecklist";
import { formatMoney } from "@/lib/money/format";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { AttendeesForm } from "@/components/training/AttendeesForm";
import { TrainingPanel } from "@/components/training/TrainingPanel";
import { TrainingTermsSummary } from "@/components/training/TrainingTermsSummary";
import { OfferOrderSummary } from "@/components/offers/OfferOrderSummary";
import { getTrainingView } from "@/lib/training/attendees";
import { RetainerPanel } from "@/components/retainers/RetainerPanel";
import { RetainerControls } from "@/components/retainers/RetainerControls";
import { HandoverOnContract } from "@/components/handover/HandoverOnContract";
import { getRetainerView } from "@/lib/retainers/queries";
import { handoverSummary } from "@/lib/handover/queries";
import { addAttendeesAction, removeAttendeeAction } from "./training-actions";
import {
  giveRetainerNoticeAction,
  pauseRetainerAction,
  resumeRetainerAction,
  startRetainerPaymentMethodAction,
} from "./retainer-actions";

const retainerActions = {
  startPaymentMethod: startRetainerPaymentMethodAction,
  pause: pauseRetainerAction,
  resume: resumeRetainerAction,
  giveNotice: giveRetainerNoticeAction,
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("pageTitle") };
}

export default async function ContractPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: PageSearchParams;
}) {
  const [{ id }, { funding, done, setup }] = await Promise.all([
    params,
    searchParams.then(searchParamsOf),
  ]);
  const view = await loadContractPage(id, `/contracts/${id}`);
  const [t, p, format, locale, money] = await Promise.all([
    getTranslations("contracts"),
    getTranslations("payments"),
    getFormatter(),
    getLocale(),
    getContractMoney(await currentActor(), id, {
      fundingPaymentId: funding ?? null,
    }),
  ]);
  const { contract, side } = view;
  const actor = await currentActor();
  const [reviews, disputes, deliveryFiles, training, retainer, handover] = await Promise.all([
    getContractReviews(actor, id),
    disputesOfContract(actor, id),
    deliveryAttachments(actor, id),
    getTrainingView(actor, id),
    getRetainerView(actor, id),
    handoverSummary(actor, id),
  ]);
  const tr = await getTranslations("training");
  // The expert sees at once what still stands between this contract and being paid.
  const readiness =
    side === "expert" && contract.status !== "cancelled"
      ? await getMyReadiness(actor)
      : null;
  const r = await getTranslations("readiness");
  const split = view.money;
  const euros = (cents: number) => formatMoney(cents, locale);
  const day = (d: string) =>
    format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  return (
    <div className="flex flex-col gap-8">
      <Link href="/dashboard" className="self-start underline">
        {t("backToDashboard")}
      </Link>
      <PageHeading
        title={t("heading", { job: contract.facts.job.title })}
        lead={t(`status_${contract.status}`)}
      />
      {contract.status === "awaiting_documents" ? (
        <Alert tone="warning">
          {t(contract.personalData ? "awaitingBothDocuments" : "awaitingNda")}
        </Alert>
      ) : null}
      {contract.status === "active" && contract.activatedAt ? (
        <Alert tone="success">
          {t("activeSince", {
            date: format.dateTime(contract.activatedAt, { dateStyle: "long" }),
          })}
        </Alert>
      ) : null}

      {done === "delivered" || done === "approved" ? (
        <Alert tone="success">{p(`done_${done}`)}</Alert>
      ) : null}

      {readiness && !readiness.ready ? (
        <ReadinessChecklist readiness={readiness} lead={r("contractLead")} />
      ) : null}

      <ContractParties facts={contract.facts} expertSlug={view.expertSlug} />
      {contract.facts.offer ? <OfferOrderSummary offer={contract.facts.offer} /> : null}

      <section aria-labelledby="contract-money" className="flex flex-col gap-3">
        <h2 id="contract-money" className="text-xl font-semibold">
          {t("milestonesHeading")}
        </h2>
        <p>
          {t("period", {
            start: day(contract.facts.startOn),
            end: day(contract.facts.endOn),
          })}{" "}
          ·{" "}
          {
            priceText(
              {
                exVatCents: view.totals.exVatCents,
                vatCents: view.totals.vatCents,
                inclVatCents: view.totals.chargeCents,
                vatRateBps: contract.vatRateBps,
                vatRegime:
                  contract.vatRateBps > 0 ? "vat_registered" : "franchise",
                vatTreatment: contractVatTreatment(contract),
              },
              locale as AppLocale,
            ).line
          }
          {split && side !== "client"
            ? ` · ${t("netForExpert", { net: euros(split.netCents), commission: euros(split.commissionCents) })}`
            : null}
        </p>
        <MilestoneList
          view={view}
          money={money}
          fundingParam={typeof funding === "string" ? funding : null}
          actions={{
            fund: fundMilestoneAction,
            deliver: deliverMilestoneAction,
            approve: approveMilestoneAction,
            dispute: openDisputeAction,
          }}
          disputes={disputes}
          deliveryFiles={deliveryFiles}
          testMode={isPaymentTestMode()}
        />
      </section>

      {training ? (
        <TrainingPanel
          contractId={contract.id}
          view={training}
          addForm={
            <AttendeesForm
              contractId={contract.id}
              places={
                training.training.attendeesCount - training.attendees.length
              }
              action={addAttendeesAction}
            />
          }
          removeForm={(attendeeId, name) => (
            <SimpleActionForm
              label={tr("removeAttendee", { name })}
              hidden={{ contractId: contract.id, attendeeId }}
              action={removeAttendeeAction}
            />
          )}
        />
      ) : null}
      {training ? <TrainingTermsSummary terms={training.training} /> : null}
      {retainer ? (
        <RetainerPanel
          view={retainer}
          controls={<RetainerControls contractId={contract.id} view={retainer} actions={retainerActions} returnedFromSetup={setup !== undefined && setup !== "cancelled"} />}
        />
      ) : null}

      <HandoverOnContract view={view} awaitingMe={view.documents.map((d) => d.kind).filter((kind) => awaitsAcceptance(view, kind))} handover={handover} />

      <ContractReviews
        contractId={contract.id}
        reviews={reviews}
        parties={{
          client: contract.facts.client.legalName,
          expert: contract.facts.expert.name,
        }}
        done={done === "reviewed"}
        action={leaveReviewAction}
      />

      {side === "admin" &&
      (contract.status === "awaiting_documents" ||
        contract.status === "active") ? (
        <CancelContractForm
          contractId={contract.id}
          action={cancelContractAction}
        />
      ) : null}

      {side !== "admin" ? (
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link
            href={`/jobs/${contract.jobId}/bids/${contract.bidId}`}
            className="underline"
          >
            {t("openConversation")}
          </Link>
          {view.milestones.some((m) => m.releasedAt) ? (
            <Link href="/invoices" className="underline">
              {t("seeInvoices")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
