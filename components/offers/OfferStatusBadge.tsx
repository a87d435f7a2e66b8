import { getTranslations } from "next-intl/server";
import type { OfferStatus } from "@/db/schema";

const tone: Record<OfferStatus, string> = {
  draft: "border-stone-500 bg-stone-100 text-stone-900",
  published: "border-green-700 bg-green-50 text-green-900",
  unpublished: "border-amber-700 bg-amber-50 text-amber-900",
  removed: "border-red-700 bg-red-50 text-red-900",
};

/** An offer's status in words, in a pill. */
export async function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const t = await getTranslations("offers");
  return <span className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-semibold ${tone[status]}`}>{t(`status_${status}`)}</span>;
}
