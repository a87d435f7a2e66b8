import { Link, Section, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { TAX_OBLIGATION_LINKS } from "@/lib/invoicing/tax-obligations";
import { formatMoney } from "@/lib/money/format";

const euros = (locale: AppLocale, cents: number) => formatMoney(cents, locale);

/** The platform's statement of the expert's tax and social obligations, with the gross amount received (art. 242 bis du CGI). */
export function TaxNotice({ locale, grossCents, commissionCents }: { locale: AppLocale; grossCents: number; commissionCents: number }) {
  const t = translator(locale, "taxObligations");
  return (
    <Section style={{ borderTop: "1px solid #d6d3d1", marginTop: 24, paddingTop: 8 }}>
      <Text style={{ fontWeight: 700 }}>{t("heading")}</Text>
      <Text>{t("gross", { amount: euros(locale, grossCents), commission: euros(locale, commissionCents) })}</Text>
      <Text>{t("body")}</Text>
      <Text>
        <Link href={TAX_OBLIGATION_LINKS.impots}>{t("impots")}</Link>
        {" · "}
        <Link href={TAX_OBLIGATION_LINKS.urssaf}>{t("urssaf")}</Link>
      </Text>
      <Text style={{ color: "#57534e", fontSize: 12 }}>{t("legal")}</Text>
    </Section>
  );
}
