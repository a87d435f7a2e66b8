import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { MyTaxDetails } from "@/lib/dac7/tax-details";

/**
 * On the expert's profile: whether the DAC7 declaration has what it needs, with a link to give it
 * (the page passes `getMyTaxDetails`'s answer).
 */
export async function TaxDetailsNotice({ mine }: { mine: MyTaxDetails }) {
  const t = await getTranslations("dac7");
  const d = mine.details;
  const missing = mine.individual && (!d?.firstName || !d.lastName || !d.birthDate);
  return (
    <section aria-labelledby="tax-details-title" className={`flex flex-col gap-2 rounded-lg border p-6 ${missing ? "border-amber-600 bg-amber-50" : "border-stone-200 bg-white"}`}>
      <h2 id="tax-details-title" className="text-xl font-semibold">
        {t("taxTitle")}
      </h2>
      <p className="text-stone-800">{t(missing ? "noticeMissing" : "noticeComplete")}</p>
      <Link href="/expert/tax-details" className="self-start font-semibold underline">
        {t(missing ? "noticeLinkMissing" : "noticeLink")}
      </Link>
    </section>
  );
}
