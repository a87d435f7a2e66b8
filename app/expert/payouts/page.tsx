import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PayoutAccountState } from "@/components/payments/PayoutAccountState";
import { PendingNotice } from "@/components/payments/PendingNotice";
import { RedirectActionForm } from "@/components/payments/RedirectActionForm";
import { TaxObligations } from "@/components/payments/TaxObligations";
import { Alert } from "@/components/ui/Alert";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { getMyMandate } from "@/lib/invoicing/mandate";
import { getMyPayouts } from "@/lib/payments/payouts";
import { payoutsDashboardAction, startPayoutsOnboardingAction } from "./actions";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payouts"))("title") };
}

export default async function ExpertPayoutsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { returned, error, mandate: mandateJustAccepted } = searchParamsOf(await searchParams);
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fexpert%2Fpayouts");
  if (actor.role !== "expert") redirect("/dashboard");
  const [t, p, b, format, locale, mine, mandate] = await Promise.all([
    getTranslations("payouts"),
    getTranslations("payments"),
    getTranslations("billingMandate"),
    getFormatter(),
    getLocale(),
    getMyPayouts(actor),
    getMyMandate(actor),
  ]);
  const euros = (cents: number) => formatMoney(cents, locale);
  const { account } = mine;
  const balances: [string, number, string][] = [
    [t("paid"), mine.paidCents, t("paidHint")],
    [t("waiting"), mine.waitingCents, t("waitingHint")],
    [t("held"), mine.heldCents, t("heldHint")],
  ];
  return (
    <div className="flex flex-col gap-8">
      <Link href="/dashboard" className="self-start underline">
        {t("backToDashboard")}
      </Link>
      <PageHeading title={t("title")} lead={t("lead")} />
      {mine.withheldCents > 0 ? <Alert tone="warning">{t("withheldNotice", { amount: euros(mine.withheldCents) })}</Alert> : null}
      {error === "not_verified" || error === "no_account" || error === "mandate_required" ? <Alert tone="error">{p(`error_${error}`)}</Alert> : null}
      {!mandate ? (
        <Alert tone="warning">
          <p>{t("mandateMissing")}</p>
          <Link href="/expert/billing-mandate" className="mt-2 inline-block font-semibold underline">
            {b("acceptLink")}
          </Link>
        </Alert>
      ) : mandateJustAccepted === "1" ? (
        <Alert tone="success">
          <p>{b("acceptedNotice", { date: format.dateTime(mandate.acceptedAt, { dateStyle: "long" }) })}</p>
          <Link href="/expert/billing-mandate" className="mt-2 inline-block underline">
            {b("viewOrUpdate")}
          </Link>
        </Alert>
      ) : (
        <p className="text-stone-800">
          {b("acceptedOn", { date: format.dateTime(mandate.acceptedAt, { dateStyle: "long" }), version: mandate.version })}{" "}
          <Link href="/expert/billing-mandate" className="underline">
            {b("viewOrUpdate")}
          </Link>
        </p>
      )}
      {returned === "1" && !account?.payoutsEnabled ? (
        <PendingNotice title={t("returned")} detail={t("returnedDetail")} href="/expert/payouts?returned=1" refreshLabel={p("refresh")} />
      ) : null}

      <section aria-labelledby="payout-account" className="flex max-w-3xl flex-col gap-4 rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="payout-account" className="text-xl font-semibold">
          {t("accountHeading")}
        </h2>
        <PayoutAccountState account={account} />
        <div className="flex flex-wrap gap-4">
          {!account?.payoutsEnabled ? (
            <RedirectActionForm label={account ? t("resume") : t("connect")} action={startPayoutsOnboardingAction} />
          ) : null}
          {account ? <RedirectActionForm label={t("dashboardLink")} variant="secondary" action={payoutsDashboardAction} /> : null}
        </div>
      </section>

      <section aria-labelledby="payout-balance" className="flex flex-col gap-4">
        <h2 id="payout-balance" className="text-xl font-semibold">
          {t("balanceHeading")}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          {balances.map(([label, cents, hint]) => (
            <div key={label} className="rounded-lg border border-stone-200 bg-white p-4">
              <dt className="text-sm font-semibold text-stone-700">{label}</dt>
              <dd className="mt-1 text-2xl font-bold tabular-nums">{euros(cents)}</dd>
              <dd className="mt-1 text-sm text-stone-600">{hint}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="payout-transfers" className="flex flex-col gap-3">
        <h2 id="payout-transfers" className="text-xl font-semibold">
          {t("transfersHeading")}
        </h2>
        <DataTable
          caption={t("transfersCaption")}
          captionHidden
          empty={t("noTransfers")}
          className="min-w-2xl"
          rows={mine.transfers}
          rowKey={(row) => row.id}
          columns={[
            {
              key: "milestone",
              header: t("colMilestone"),
              rowHeader: true,
              cell: (row) => (
                <>
                  <Link href={`/contracts/${row.contractId}`} className="font-semibold underline">
                    {row.jobTitle}
                  </Link>
                  <span className="block text-stone-700">{row.milestoneTitle}</span>
                </>
              ),
            },
            { key: "gross", header: t("colGross"), numeric: true, cell: (row) => euros(row.grossCents) },
            { key: "commission", header: t("colCommission"), numeric: true, cell: (row) => euros(row.commissionCents) },
            { key: "net", header: t("colNet"), numeric: true, className: "font-semibold", cell: (row) => euros(row.amountCents) },
            {
              key: "status",
              header: t("colStatus"),
              cell: (row) =>
                row.status === "sent" && row.sentAt ? (
                  p("transferSentOn", { date: format.dateTime(row.sentAt, { dateStyle: "medium" }) })
                ) : row.withheldAt ? (
                  <>
                    <span className="font-semibold text-red-800">{t("withheld")}</span>
                    {row.withholdingStatementId ? (
                      <Link href={`/decisions/${row.withholdingStatementId}`} className="block underline">
                        {t("withheldWhy")}
                      </Link>
                    ) : null}
                  </>
                ) : (
                  p(`transfer_${row.status}`)
                ),
            },
          ]}
        />
      </section>
      <TaxObligations />
    </div>
  );
}
