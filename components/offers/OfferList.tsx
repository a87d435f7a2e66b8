import { getTranslations } from "next-intl/server";
import type { OfferCard as OfferCardData } from "@/lib/offers/queries";
import { OfferCard } from "./OfferCard";

/** A titled section of offer cards (an expert's page, beside a need); nothing when there is none. */
export async function OfferList({ offers, id, title, lead, showExpert = true }: { offers: OfferCardData[]; id: string; title: string; lead?: string; showExpert?: boolean }) {
  if (offers.length === 0) return null;
  const t = await getTranslations("offers");
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-xl font-semibold text-stone-900">
        {title}
      </h2>
      {lead ? <p className="text-stone-800">{lead}</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("listLabel", { title })}>
        {offers.map((offer) => (
          <li key={offer.id}>
            <OfferCard offer={offer} level={3} showExpert={showExpert} />
          </li>
        ))}
      </ul>
    </section>
  );
}
