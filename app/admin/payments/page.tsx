import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ReconcileForm } from "@/components/payments/ReconcileForm";
import { VatSummarySection } from "@/components/payments/VatSummarySection";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { getPaymentTotals, listOpenDisputes } from "@/lib/payments/admin-queries";
import { getVatSummary } from "@/lib/payments/vat-summary";
import { WithholdPayoutForm } from "@/components/payments/WithholdPayoutForm";
import { listUnsentPayouts } from "@/lib/payments/withholding-queries";
import { reconcileAction, withholdPayoutAction } from "./actions";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPayments"))("title") };
}

export default async function AdminPaymentsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { month } = searchParamsOf(await searchParams);
  const actor = await requireAdminPage("/admin/payments");
  const [t, format, locale, totals, open, vat, unsent] = await Promise.all([
    getTranslations("adminPayments"),
    getFormatter(),
    getLocale(),
    getPaymentTotals(actor, { month: month ?? null }),
    listOpenDisputes(actor),
    getVatSummary(actor, { month: month ?? null }),
    listUnsentPayouts(actor),
  ]);
  const euros = (cents: number) => formatMoney(cents, locale);
  const monthName = (value: string) => format.dateTime(new Date(`${value}-15T12:00:00Z`), { month: "long", year: "numeric" });
  const period = monthName(totals.month);
  const rows: [string, number, string][] = [
    [t("funded"), totals.fundedCents, t("fundedHint")],
    [t("released"), totals.releasedCents, t("releasedHint")],
    [t("commission"), totals.commissionExVatCents, t("commissionHint")],
    [t("refunded"), totals.refundedCents, t("refundedHint")],
    [t("transferred"), totals.transferredCents, t("transferredHint")],
  ];
  return (
    <div className="flex flex-col gap-8">
      <Link href="/admin" className="self-start underline">
        {t("backToAdmin")}
      </Link>
      <PageHeading title={t("title")} lead={t("lead")} />

      <section aria-labelledby="money-now" className="flex flex-col gap-3">
        <h2 id="money-now" className="text-xl font-semibold">
          {t("nowHeading")}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div className="rounded-lg border border-stone-200 bg-white p-4">
            <dt className="text-sm font-semibold text-stone-700">{t("heldNow")}</dt>
            <dd className="mt-1 text-2xl font-bold tabular-nums">{euros(totals.heldNowCents)}</dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-4">
            <dt className="text-sm font-semibold text-stone-700">{t("owedNow")}</dt>
            <dd className="mt-1 text-2xl font-bold tabular-nums">{euros(totals.owedToExpertsNowCents)}</dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-4">
            <dt className="text-sm font-semibold text-stone-700">{t("openDisputes")}</dt>
            <dd className="mt-1 text-2xl font-bold tabular-nums">{open.length}</dd>
            <dd className="mt-1 text-sm">
              <Link href="/admin/disputes" className="underline">
                {t("seeDisputes")}
              </Link>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="money-period" className="flex flex-col gap-4">
        <h2 id="money-period" className="text-xl font-semibold">
          {t("periodHeading", { period })}
        </h2>
        <form method="get" action="/admin/payments" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="period-month" className="text-sm font-semibold">
              {t("monthLabel")}
            </label>
            <input
              id="period-month"
              type="month"
              name="month"
              defaultValue={totals.month}
              aria-describedby="period-month-hint"
              className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
            />
            <p id="period-month-hint" className="text-sm text-stone-600">
              {t("monthHint")}
            </p>
          </div>
          <button type="submit" className={buttonClasses("secondary", "mb-7")}>
            {t("showMonth")}
          </button>
        </form>
        <nav aria-label={t("periodNav")} className="flex flex-wrap gap-4 text-sm">
          <Link href={`/admin/payments?month=${totals.previous}`} className="underline">
            <span aria-hidden="true">←</span> {monthName(totals.previous)}
          </Link>
          <Link href={`/admin/payments?month=${totals.next}`} className="underline">
            {monthName(totals.next)} <span aria-hidden="true">→</span>
          </Link>
        </nav>
        <table className="w-full max-w-3xl border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{t("periodCaption", { period })}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-3">{t("colMovement")}</th>
              <th scope="col" className="p-3 text-right">{t("colAmount")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, cents, hint]) => (
              <tr key={label} className="border-b border-stone-200 align-top">
                <th scope="row" className="p-3 font-normal">
                  <span className="font-semibold">{label}</span>
                  <span className="block text-stone-600">{hint}</span>
                </th>
                <td className="p-3 text-right font-semibold tabular-nums">{euros(cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <VatSummarySection summary={vat} period={period} />

      <section aria-labelledby="payouts-unsent" className="flex flex-col gap-3">
        <h2 id="payouts-unsent" className="text-xl font-semibold">
          {t("unsentHeading")}
        </h2>
        <p className="max-w-3xl text-stone-800">{t("unsentLead")}</p>
        {unsent.length === 0 ? (
          <p>{t("unsentEmpty")}</p>
        ) : (
          <ul className="flex max-w-4xl flex-col gap-3">
            {unsent.map((payout) => (
              <li key={payout.id} className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_22rem]">
                <div>
                  <p className="font-semibold">
                    {payout.jobTitle} — {payout.milestoneTitle}
                  </p>
                  <p className="text-sm text-stone-700">
                    {payout.expertEmail} · {euros(payout.amountCents)} · {format.dateTime(payout.createdAt, { dateStyle: "medium" })}
                  </p>
                  {payout.withheldAt ? (
                    <p className="mt-1 text-sm font-semibold text-red-800">
                      {t("withheldSince", { date: format.dateTime(payout.withheldAt, { dateStyle: "medium" }) })}{" "}
                      {payout.statementId ? (
                        <Link href={`/decisions/${payout.statementId}`} className="font-normal underline">
                          {t("statementLink")}
                        </Link>
                      ) : null}
                    </p>
                  ) : null}
                </div>
                <WithholdPayoutForm transferId={payout.id} withheld={payout.withheldAt !== null} action={withholdPayoutAction} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="reconcile" className="flex flex-col gap-3">
        <h2 id="reconcile" className="text-xl font-semibold">
          {t("reconcileHeading")}
        </h2>
        <p className="max-w-3xl text-stone-800">{t("reconcileLead")}</p>
        <ReconcileForm action={reconcileAction} />
      </section>
    </div>
  );
}
