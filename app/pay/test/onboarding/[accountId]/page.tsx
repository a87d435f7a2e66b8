import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TestModeNotice } from "@/components/payments/TestModeNotice";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { loadTestAccount, safeReturnUrl, type TestAccountView } from "@/lib/payments/test-mode/access";
import { loadTestModePage } from "../../load-test-page";
import { SimulationForm } from "../../SimulationForm";
import { completeTestOnboardingAction } from "./actions";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("testMode"))("onboardingTitle"), robots: { index: false } };
}

function loadPage(accountId: string, search: URLSearchParams): Promise<TestAccountView> {
  return loadTestModePage(`/pay/test/onboarding/${accountId}?${search.toString()}`, (actor) => loadTestAccount(actor, accountId));
}

/** The local stand-in for Stripe's Express onboarding (test mode only). */
export default async function TestOnboardingPage({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: PageSearchParams }) {
  const [{ accountId }, query] = await Promise.all([params, searchParams.then(searchParamsOf)]);
  const returnParam = query.return;
  const refreshParam = query.refresh;
  const search = new URLSearchParams();
  if (returnParam) search.set("return", returnParam);
  if (refreshParam) search.set("refresh", refreshParam);
  const account = await loadPage(accountId, search);
  const t = await getTranslations("testMode");
  const returnUrl = safeReturnUrl(returnParam, "/dashboard");
  const refreshUrl = safeReturnUrl(refreshParam, "/dashboard");
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <TestModeNotice />
      <PageHeading title={t("onboardingTitle")} lead={t("onboardingLead")} />
      <section aria-labelledby="test-onboarding-asks" className="flex flex-col gap-3">
        <h2 id="test-onboarding-asks" className="text-xl font-semibold">
          {t("onboardingAsksHeading")}
        </h2>
        <ul className="list-disc pl-6">
          <li>{t("onboardingAskIdentity")}</li>
          <li>{t("onboardingAskIban")}</li>
          <li>{t("onboardingAskTos")}</li>
        </ul>
        <p>{t("onboardingNothingAsked")}</p>
      </section>
      {account.payoutsEnabled ? <Alert tone="success">{t("onboardingAlreadyDone")}</Alert> : null}
      <SimulationForm
        legend={t("onboardingLegend")}
        hidden={{ accountId: account.accountId, returnUrl }}
        action={completeTestOnboardingAction}
        buttons={[{ intent: "complete", label: t("completeOnboarding") }]}
      />
      <a href={refreshUrl} className="self-start underline">
        {t("comeBackLater")}
      </a>
    </div>
  );
}
