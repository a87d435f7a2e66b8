import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TAX_OBLIGATION_LINKS } from "@/lib/invoicing/tax-obligations";

/** The platform's statement of the expert's tax and social obligations (art. 242 bis du CGI), beside each payout. */
export async function TaxObligations() {
  const t = await getTranslations("taxObligations");
  return (
    <section aria-labelledby="tax-obligations" className="flex max-w-3xl flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="tax-obligations" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <p className="text-stone-800">{t("body")}</p>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <a href={TAX_OBLIGATION_LINKS.impots} className="underline" rel="noopener noreferrer">
            {t("impots")}
          </a>
        </li>
        <li>
          <a href={TAX_OBLIGATION_LINKS.urssaf} className="underline" rel="noopener noreferrer">
            {t("urssaf")}
          </a>
        </li>
        <li>
          <Link href="/invoices#yearly-statements" className="underline">
            {t("statements")}
          </Link>
        </li>
      </ul>
      <p className="text-sm text-stone-600">{t("legal")}</p>
    </section>
  );
}
