import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { BidStatus } from "@/db/schema";
import { formatMoney } from "@/lib/money/format";

interface MyBidsProps {
  bids: { id: string; jobId: string; jobTitle: string; status: BidStatus; totalCents: number; createdAt: Date; contractId: string | null }[];
}

/** The expert's bids and where each one stands; an accepted one links to its contract. */
export async function MyBids({ bids }: MyBidsProps) {
  const [t, b, p, format, locale] = await Promise.all([getTranslations("dashboard"), getTranslations("bids"), getTranslations("prices"), getFormatter(), getLocale()]);
  return (
    <section aria-labelledby="my-bids" className="rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="my-bids" className="text-xl font-semibold">
        {t("myBids")}
      </h2>
      {bids.length === 0 ? (
        <p className="mt-3 text-stone-700">{t("noBids")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200">
          {bids.map((bid) => (
            <li key={bid.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
              <Link href={bid.contractId ? `/contracts/${bid.contractId}` : `/jobs/${bid.jobId}`} className="font-semibold underline">
                {bid.jobTitle}
              </Link>
              <span className="text-stone-700">
                {b(`status_${bid.status}`)} · {p("exVat", { amount: formatMoney(bid.totalCents, locale) })} ·{" "}
                {format.dateTime(bid.createdAt, { dateStyle: "medium" })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
