import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TestModeNotice } from "@/components/payments/TestModeNotice";
import { PageHeading } from "@/components/ui/PageHeading";
import { loadTestDashboard, type TestDashboardView } from "@/lib/payments/test-mode/access";
import { formatMoney } from "@/lib/money/format";
import { loadTestModePage } from "../../load-test-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("testMode"))("dashboardTitle"), robots: { index: false } };
}

function loadPage(accountId: string): Promise<TestDashboardView> {
  return loadTestModePage(`/pay/test/dashboard/${accountId}`, (actor) => loadTestDashboard(actor, accountId));
}

/** The local stand-in for the Stripe Express dashboard (test mode only): transfers received. */
export default async function TestDashboardPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const view = await loadPage(accountId);
  const [t, format, locale] = await Promise.all([getTranslations("testMode"), getFormatter(), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  return (
    <div className="flex flex-col gap-8">
      <TestModeNotice />
      <PageHeading title={t("dashboardTitle")} lead={t("dashboardLead")} />
      <p>{t(view.account.payoutsEnabled ? "payoutsEnabled" : "payoutsDisabled")}</p>
      <section aria-labelledby="test-transfers" className="flex flex-col gap-3">
        <h2 id="test-transfers" className="text-xl font-semibold">
          {t("transfersHeading")}
        </h2>
        <p className="text-lg font-semibold">{t("totalPaidOut", { total: euros(view.totalCents) })}</p>
        {view.transfers.length === 0 ? (
          <p>{t("noTransfers")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-lg border-collapse text-left text-sm">
              <caption className="sr-only">{t("transfersHeading")}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-4">{t("transferDate")}</th>
                  <th scope="col" className="py-2 pr-4">{t("transferDescription")}</th>
                  <th scope="col" className="py-2 text-right">{t("transferAmount")}</th>
                </tr>
              </thead>
              <tbody>
                {view.transfers.map((transfer) => (
                  <tr key={transfer.id} className="border-b border-stone-200">
                    <td className="py-2 pr-4">{format.dateTime(transfer.createdAt, { dateStyle: "long", timeStyle: "short" })}</td>
                    <th scope="row" className="py-2 pr-4 font-normal">{transfer.description}</th>
                    <td className="py-2 text-right tabular-nums">{euros(transfer.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Link href="/dashboard" className="self-start underline">
        {t("backToDashboard")}
      </Link>
    </div>
  );
}
