import { Button, Section, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";
import { formatMoney } from "@/lib/money/format";

export interface PaymentReceiptEmailProps {
  locale: AppLocale;
  jobTitle: string;
  milestoneTitle: string;
  /** 1 for the first milestone. */
  milestoneNumber: number;
  /** What was charged, VAT included; then its split. */
  amountCents: number;
  exVatCents: number;
  vatCents: number;
  /** "card", "sepa_debit", or what the provider named (shown as "other"). */
  method: string | null;
  /** When the payment was confirmed (ISO 8601). */
  paidAt: string;
  /** Our payment id, to quote to support. */
  reference: string;
  url: string;
}

const euros = (locale: AppLocale, cents: number) => formatMoney(cents, locale);

const day = (locale: AppLocale, iso: string) =>
  new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));

export function paymentReceiptSubject({ locale, jobTitle, milestoneTitle, amountCents }: PaymentReceiptEmailProps): string {
  return translator(locale, "emails.paymentReceipt")("subject", { amount: euros(locale, amountCents), milestone: milestoneTitle, job: jobTitle });
}

const row = { margin: "4px 0" };

/** The client's receipt for a milestone's funding: what was paid, for what, how and when. */
export default function PaymentReceiptEmail({
  locale = "fr",
  jobTitle = "Partager nos fichiers entre nos deux boutiques",
  milestoneTitle = "Installation",
  milestoneNumber = 1,
  amountCents = 144_000,
  exVatCents = 120_000,
  vatCents = 24_000,
  method = "card",
  paidAt = "2027-03-01T09:30:00.000Z",
  reference = "00000000-0000-0000-0000-000000000000",
  url = "http://localhost:3000/contracts/00000000-0000-0000-0000-000000000000",
}: PaymentReceiptEmailProps) {
  const t = translator(locale, "emails.paymentReceipt");
  const common = translator(locale, "emails.common");
  const methodLabel = t(method === "card" || method === "sepa_debit" ? `method_${method}` : "method_other");
  return (
    <EmailLayout lang={locale} preview={paymentReceiptSubject({ locale, jobTitle, milestoneTitle, amountCents } as PaymentReceiptEmailProps)} heading={t("heading")} footer={common("footer")}>
      <Text>{t("body", { job: jobTitle })}</Text>
      <Section style={{ border: "1px solid #e7e5e4", borderRadius: "6px", padding: "12px 16px" }}>
        <Text style={row}>
          <strong>{t("milestone")}</strong> {t("milestoneValue", { number: milestoneNumber, title: milestoneTitle })}
        </Text>
        <Text style={row}>
          <strong>{t("amount")}</strong> {euros(locale, amountCents)}
        </Text>
        <Text style={row}>
          {vatCents > 0 ? t("split", { exVat: euros(locale, exVatCents), vat: euros(locale, vatCents) }) : t("noVat")}
        </Text>
        <Text style={row}>
          <strong>{t("method")}</strong> {methodLabel}
        </Text>
        <Text style={row}>
          <strong>{t("date")}</strong> {day(locale, paidAt)}
        </Text>
        <Text style={row}>
          <strong>{t("reference")}</strong> {reference}
        </Text>
      </Section>
      <Text>{t("held")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
