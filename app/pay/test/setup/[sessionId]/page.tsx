import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { TestModeNotice } from "@/components/payments/TestModeNotice";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { loadTestSetup, type TestSetupView } from "@/lib/payments/test-mode/setup-page";
import { loadTestModePage } from "../../load-test-page";
import { SimulationForm } from "../../SimulationForm";
import { testSetupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("testMode"))("setupTitle"), robots: { index: false } };
}

function loadPage(sessionId: string): Promise<TestSetupView> {
  return loadTestModePage(`/pay/test/setup/${sessionId}`, (actor) => loadTestSetup(actor, sessionId));
}

/** The local stand-in for Stripe Checkout in setup mode (test mode only): sign the SEPA mandate or save the card. */
export default async function TestSetupPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const view = await loadPage(sessionId);
  const [t, format] = await Promise.all([getTranslations("testMode"), getFormatter()]);
  const hidden = { sessionId: view.sessionId };
  const back = (href: string, label: string) => (
    <a href={href} className={buttonClasses("secondary", "self-start")}>
      {label}
    </a>
  );
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <TestModeNotice />
      <PageHeading title={t("setupTitle")} lead={t(`setupLead_${view.kind}`, { job: view.jobTitle })} />
      {view.status === "open" ? (
        <>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("expiresAt")}</dt>
            <dd>{format.dateTime(view.expiresAt, { dateStyle: "long", timeStyle: "short" })}</dd>
          </dl>
          <SimulationForm
            legend={t("setupLegend")}
            hint={t("setupHint")}
            hidden={hidden}
            action={testSetupAction}
            buttons={[
              { intent: "save", label: t(`setupSave_${view.kind}`) },
              { intent: "refuse", label: t(`setupRefuse_${view.kind}`), variant: "secondary" },
            ]}
          />
          {back(view.cancelUrl, t("cancelAndReturn"))}
        </>
      ) : view.status === "expired" ? (
        <>
          <Alert tone="warning">{t("sessionExpired")}</Alert>
          {back(view.cancelUrl, t("returnToSite"))}
        </>
      ) : (
        <>
          <Alert tone="success">{t("setupDone")}</Alert>
          {back(view.successUrl, t("returnToSite"))}
        </>
      )}
    </div>
  );
}
