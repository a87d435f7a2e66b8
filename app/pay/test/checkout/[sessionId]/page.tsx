import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TestModeNotice } from "@/components/payments/TestModeNotice";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { loadTestCheckout, type TestCheckoutView } from "@/lib/payments/test-mode/access";
import { loadTestModePage } from "../../load-test-page";
import { SimulationForm } from "../../SimulationForm";
import { testCheckoutAction } from "./actions";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("testMode"))("checkoutTitle"), robots: { index: false } };
}

function loadPage(sessionId: string): Promise<TestCheckoutView> {
  return loadTestModePage(`/pay/test/checkout/${sessionId}`, (actor) => loadTestCheckout(actor, sessionId));
}

/** The local stand-in for Stripe Checkout (test mode only): pay, decline, or settle a SEPA debit. */
export default async function TestCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const view = await loadPage(sessionId);
  const [t, format, locale] = await Promise.all([getTranslations("testMode"), getFormatter(), getLocale()]);
  const amount = formatMoney(view.amountCents, locale);
  const hidden = { sessionId: view.sessionId };
  const returnLink = (href: string, label: string) => (
    <a href={href} className={buttonClasses("secondary", "self-start")}>
      {label}
    </a>
  );
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <TestModeNotice />
      <PageHeading title={t("checkoutTitle")} lead={t("checkoutLead")} />

      <section aria-labelledby="test-checkout-summary" className="rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="test-checkout-summary" className="sr-only">
          {t("summaryHeading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("amount")}</dt>
          <dd className="text-2xl font-bold tabular-nums">{amount}</dd>
          <dt className="font-semibold">{t("description")}</dt>
          <dd>{view.description}</dd>
          <dt className="font-semibold">{t("payerEmail")}</dt>
          <dd>{view.customerEmail}</dd>
          {view.status === "open" ? (
            <>
              <dt className="font-semibold">{t("expiresAt")}</dt>
              <dd>{format.dateTime(view.expiresAt, { dateStyle: "long", timeStyle: "short" })}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {view.status === "open" ? (
        <>
          <SimulationForm
            legend={t("payLegend")}
            hint={t("payHint")}
            hidden={hidden}
            action={testCheckoutAction}
            buttons={[
              { intent: "card", label: t("payCard") },
              { intent: "sepa_debit", label: t("paySepa"), variant: "secondary" },
              { intent: "decline", label: t("declineCard"), variant: "secondary" },
            ]}
          />
          {returnLink(view.cancelUrl, t("cancelAndReturn"))}
          <SimulationForm
            legend={t("otherSimulations")}
            hidden={hidden}
            action={testCheckoutAction}
            buttons={[{ intent: "expire", label: t("expireSession"), variant: "secondary" }]}
          />
        </>
      ) : null}

      {view.status === "expired" ? (
        <>
          <Alert tone="warning">{t("sessionExpired")}</Alert>
          {returnLink(view.cancelUrl, t("returnToSite"))}
        </>
      ) : null}

      {view.status === "complete" ? (
        <>
          {view.awaitingSettlement ? (
            <>
              <Alert tone="info">{t("sepaProcessing")}</Alert>
              <SimulationForm
                legend={t("settleLegend")}
                hint={t("settleHint")}
                hidden={hidden}
                action={testCheckoutAction}
                buttons={[
                  { intent: "settle_succeeded", label: t("settleSucceeded") },
                  { intent: "settle_failed", label: t("settleFailed"), variant: "danger" },
                ]}
              />
            </>
          ) : view.sepaFailed ? (
            <Alert tone="error">{t("sepaFailed")}</Alert>
          ) : (
            <Alert tone="success">{t(view.paymentMethod === "sepa_debit" ? "sepaSettled" : "sessionPaid")}</Alert>
          )}
          {returnLink(view.successUrl, t("returnToSite"))}
        </>
      ) : null}
    </div>
  );
}
