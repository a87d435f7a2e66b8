import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

export default async function LandingPage({ searchParams }: { searchParams: PageSearchParams }) {
  const [{ notice }, t, account] = await Promise.all([searchParams.then(searchParamsOf), getTranslations("landing"), getTranslations("account")]);
  const sme = ["forSme1", "forSme2", "forSme3", "forSme4"] as const;
  const expert = ["forExpert1", "forExpert2", "forExpert3", "forExpert4"] as const;
  const steps = [
    ["how1Title", "how1"],
    ["how2Title", "how2"],
    ["how3Title", "how3"],
  ] as const;
  return (
    <div className="flex flex-col gap-16">
      {notice === "account-erased" ? <Alert tone="success">{account("erasedNotice")}</Alert> : null}
      <section aria-labelledby="hero-title" className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">{t("eyebrow")}</p>
        <h1 id="hero-title" className="mt-3 text-4xl font-bold tracking-tight text-stone-900 md:text-5xl">
          {t("title")}
        </h1>
        <p className="mt-6 text-lg leading-relaxed text-stone-700">{t("lead")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/signin?callbackUrl=%2Fonboarding" className={buttonClasses("primary", "px-6 text-base")}>
            {t("ctaClient")}
          </Link>
          <Link href="/signin?callbackUrl=%2Fonboarding" className={buttonClasses("secondary", "px-6 text-base")}>
            {t("ctaExpert")}
          </Link>
        </div>
        <p className="mt-6">
          <Link href="/savings" className="font-medium text-brand-900 underline underline-offset-4">
            {t("savingsLink")}
          </Link>
        </p>
      </section>

      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="for-sme" className="rounded-lg border border-stone-200 bg-white p-6">
          <h2 id="for-sme" className="text-2xl font-semibold">
            {t("forSmeTitle")}
          </h2>
          <ul className="mt-4 list-disc space-y-3 pl-5 text-stone-800">
            {sme.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="for-expert" className="rounded-lg border border-stone-200 bg-white p-6">
          <h2 id="for-expert" className="text-2xl font-semibold">
            {t("forExpertTitle")}
          </h2>
          <ul className="mt-4 list-disc space-y-3 pl-5 text-stone-800">
            {expert.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="how">
        <h2 id="how" className="text-2xl font-semibold">
          {t("howTitle")}
        </h2>
        <ol className="mt-6 grid gap-6 md:grid-cols-3">
          {steps.map(([title, text]) => (
            <li key={title} className="rounded-lg bg-brand-50 p-5">
              <h3 className="font-semibold text-brand-900">{t(title)}</h3>
              <p className="mt-2 text-stone-800">{t(text)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="trust" className="rounded-lg border border-brand-100 bg-white p-6">
        <h2 id="trust" className="text-2xl font-semibold">
          {t("trustTitle")}
        </h2>
        <p className="mt-3 max-w-3xl text-stone-800">{t("trust")}</p>
      </section>
    </div>
  );
}
