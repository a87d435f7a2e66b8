import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { mySellerCopy, platformOperator } from "@/lib/dac7/declaration";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dac7"))("copyTitle") };
}

/** The expert's own copy of what the platform declares for them for a year (DAC7), per quarter. */
export default async function SellerCopyPage({ params }: { params: Promise<{ year: string }> }) {
  const { year: yearParam } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/expert/dac7/${yearParam}`)}`);
  if (actor.role !== "expert" || !/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const seller = await mySellerCopy(actor, year);
  if (!seller) notFound();
  const [t, locale] = await Promise.all([getTranslations("dac7"), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  // What the declaration states: whole euros, rounded half up like wholeEuros (the amounts are never negative).
  const declared = (cents: number) => formatMoney(cents, locale, { whole: true });
  const operator = platformOperator();
  /** null: missing (shown as such); undefined: does not apply (not shown). */
  const identity: [string, string | null | undefined][] = [
    [t("copyName"), seller.kind === "individual" && seller.firstName && seller.lastName ? `${seller.firstName} ${seller.lastName} (${seller.legalName})` : seller.legalName],
    [t("copyKind"), t(seller.kind === "individual" ? "kindIndividual" : "kindEntity")],
    [t("copyTin"), seller.siren],
    [t("copyVat"), seller.vatNumber ?? undefined],
    [t("copyAddress"), seller.address ? `${seller.address.lines.join(", ")}, ${seller.address.postalCode} ${seller.address.city}` : null],
    [t("copyBirthDate"), seller.kind === "individual" ? seller.birthDate : undefined],
    [t("copyAccount"), seller.financialAccount?.identifier ?? null],
  ];
  return (
    <div className="flex flex-col gap-8">
      <Link href="/invoices" className="self-start underline">
        {t("backToInvoices")}
      </Link>
      <PageHeading title={t("copyHeading", { year: String(year) })} lead={t("copyLead", { operator: operator.legalName, siren: operator.siren })} />
      <section aria-labelledby="copy-identity" className="flex max-w-3xl flex-col gap-3">
        <h2 id="copy-identity" className="text-xl font-semibold">
          {t("copyIdentityHeading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
          {identity
            .filter(([, v]) => v !== undefined)
            .map(([label, v]) => (
              <div key={label} className="contents">
                <dt className="font-semibold text-stone-800">{label}</dt>
                <dd>{v ?? <span className="font-semibold text-red-800">{t("copyMissing")}</span>}</dd>
              </div>
            ))}
        </dl>
        {seller.missing.length > 0 ? (
          <Link href="/expert/tax-details" className="self-start font-semibold underline">
            {t("copyComplete")}
          </Link>
        ) : null}
      </section>
      <div className="overflow-x-auto">
        <table className="w-full max-w-4xl border-collapse bg-white text-left text-sm">
          <caption className="p-2 text-left font-semibold">{t("copyCaption", { year: String(year) })}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-3">{t("colQuarter")}</th>
              <th scope="col" className="p-3 text-right">{t("colActivities")}</th>
              <th scope="col" className="p-3 text-right">{t("colConsideration")}</th>
              <th scope="col" className="p-3 text-right">{t("colFees")}</th>
              <th scope="col" className="p-3 text-right">{t("colTaxes")}</th>
            </tr>
          </thead>
          <tbody>
            {seller.quarters.map((q, i) => (
              <tr key={i} className="border-b border-stone-200">
                <th scope="row" className="p-3 font-semibold">{t("quarter", { n: String(i + 1) })}</th>
                <td className="p-3 text-right tabular-nums">{q.activities}</td>
                <td className="p-3 text-right tabular-nums">
                  <span className="font-semibold">{declared(q.considerationCents)}</span> <span className="block text-stone-600">{euros(q.considerationCents)}</span>
                </td>
                <td className="p-3 text-right tabular-nums">
                  <span className="font-semibold">{declared(q.feesCents)}</span> <span className="block text-stone-600">{euros(q.feesCents)}</span>
                </td>
                <td className="p-3 text-right tabular-nums">
                  <span className="font-semibold">{declared(q.taxesCents)}</span> <span className="block text-stone-600">{euros(q.taxesCents)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="max-w-3xl text-stone-800">{t("copyNote")}</p>
    </div>
  );
}
