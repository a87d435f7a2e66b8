import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { PlanChangeForm } from "@/components/retainers/PlanChangeForm";
import { RetainerPlanSummary } from "@/components/retainers/RetainerPlanSummary";
import { Alert } from "@/components/ui/Alert";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { amountInput, formatMoney } from "@/lib/money/format";
import { getRetainerPlan } from "@/lib/retainers/plan-queries";
import { loadTicketPage } from "../tickets/load";
import { acceptPlanChangeAction, declinePlanChangeAction, proposePlanChangeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retainerPlan"))("title") };
}

/** A support contract's plan: the current one, the change waiting for an answer (accept or decline), the form to propose one, the history. */
export default async function RetainerPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await loadTicketPage(`/contracts/${id}/plan`, (actor) => getRetainerPlan(actor, id));
  if (!view) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("retainerPlan"), getFormatter(), getLocale()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  const euros = (cents: number) => formatMoney(cents, locale);
  const { retainer, pending, side } = view;
  const base = retainer.nextTerms ?? retainer;
  return (
    <div className="flex flex-col gap-8">
      <Link href={`/contracts/${id}`} className="self-start underline">
        {t("backToContract")}
      </Link>
      <PageHeading title={t("title")} lead={t("lead")} />
      <RetainerPlanSummary retainer={retainer} />
      {pending ? (
        <section aria-labelledby="plan-pending" className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-6">
          <h2 id="plan-pending" className="text-xl font-semibold text-stone-900">
            {t("pendingHeading")}
          </h2>
          <p>
            {side === pending.proposedBySide
              ? t("pendingByYou")
              : side === "admin"
                ? t("pendingForAdmin", { side: t(`side_${pending.proposedBySide}`) })
                : t("pendingByOther", { side: t(`side_${pending.proposedBySide}`) })}
          </p>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t("monthlyFee")}</dt>
            <dd>{euros(pending.monthlyFeeCents)}</dd>
            <dt className="font-semibold">{t("hoursIncluded")}</dt>
            <dd>{t("hoursValue", { count: pending.hoursIncluded })}</dd>
            <dt className="font-semibold">{t("extraHour")}</dt>
            <dd>{euros(pending.extraHourCents)}</dd>
          </dl>
          {side !== "admin" && side !== pending.proposedBySide && view.serving ? (
            <div className="flex flex-wrap gap-4">
              <SimpleActionForm label={t("accept")} hidden={{ contractId: id, changeId: pending.id }} action={acceptPlanChangeAction} />
              <SimpleActionForm label={t("decline")} hidden={{ contractId: id, changeId: pending.id }} action={declinePlanChangeAction} />
            </div>
          ) : null}
        </section>
      ) : null}
      {!view.serving ? <Alert tone="info">{t("notServing")}</Alert> : null}
      {view.serving && side !== "admin" && !pending ? (
        <PlanChangeForm
          contractId={id}
          defaults={{ monthlyFee: amountInput(base.monthlyFeeCents, locale), hoursIncluded: String(base.hoursIncluded), extraHour: amountInput(base.extraHourCents, locale) }}
          action={proposePlanChangeAction}
        />
      ) : null}
      <DataTable
        caption={t("historyCaption")}
        rows={view.history}
        rowKey={(change) => change.id}
        empty={t("noHistory")}
        columns={[
          { key: "from", header: t("col_from"), rowHeader: true, cell: (change) => (change.effectiveFrom ? day(change.effectiveFrom) : "") },
          { key: "fee", header: t("col_fee"), cell: (change) => euros(change.monthlyFeeCents) },
          { key: "hours", header: t("col_hours"), cell: (change) => t("hoursValue", { count: change.hoursIncluded }) },
          { key: "extra", header: t("col_extra"), cell: (change) => euros(change.extraHourCents) },
          { key: "by", header: t("col_proposedBy"), cell: (change) => t(`side_${change.proposedBySide}`) },
        ]}
      />
    </div>
  );
}
