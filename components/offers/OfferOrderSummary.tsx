import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { OfferFacts } from "@/db/schema";
import { formatMoney } from "@/lib/money/format";

/** On a contract ordered from an offer: the offer, the extras chosen and the client's answers, as both sides read them. */
export async function OfferOrderSummary({ offer }: { offer: OfferFacts }) {
  const [t, locale] = await Promise.all([getTranslations("offers"), getLocale()]);
  return (
    <section aria-labelledby="contract-offer" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="contract-offer" className="text-xl font-semibold">
        {t("contractHeading")}
      </h2>
      <p>
        {t("contractOffer")}{" "}
        <Link href={`/offers/${offer.offerId}`} className="font-medium text-brand-900 underline underline-offset-4">
          {offer.title}
        </Link>
      </p>
      {offer.extras.length > 0 ? (
        <p>{t("contractExtras", { extras: offer.extras.map((e) => t("extraLine", { title: e.title, price: formatMoney(e.priceCents, locale) })).join(" ; ") })}</p>
      ) : null}
      {offer.answers.length > 0 ? (
        <>
          <h3 className="font-semibold">{t("contractAnswers")}</h3>
          <dl className="flex flex-col gap-3">
            {offer.answers.map((a) => (
              <div key={a.question}>
                <dt className="font-semibold text-stone-700">{a.question}</dt>
                <dd className="whitespace-pre-line text-stone-900">{a.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}
