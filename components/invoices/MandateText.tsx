import { getTranslations } from "next-intl/server";
import { mandateText } from "@/lib/invoicing/mandate-text";

function Paragraphs({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </>
  );
}

/**
 * The billing mandate's text: the French (binding) one, or for English readers the translation
 * with the French text one click away, marked as French for screen readers.
 */
export async function MandateText({ platform, locale, version }: { platform: string; locale: "fr" | "en"; version: string }) {
  const t = await getTranslations("billingMandate");
  return (
    <section aria-labelledby="mandate-text" className="flex max-w-3xl flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6 leading-relaxed text-stone-900">
      <h2 id="mandate-text" className="text-xl font-semibold">
        {t("textHeading")}
      </h2>
      <p className="text-sm text-stone-600">{t("version", { version })}</p>
      <div lang={locale} className="flex flex-col gap-3">
        <Paragraphs lines={mandateText(platform, locale, version)} />
      </div>
      {locale === "en" ? (
        <details className="rounded-md border border-stone-200 p-4">
          <summary className="cursor-pointer font-semibold">{t("frenchTextSummary")}</summary>
          <div lang="fr" className="mt-3 flex flex-col gap-3">
            <Paragraphs lines={mandateText(platform, "fr", version)} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
