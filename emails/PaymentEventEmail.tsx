import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout, ReasonQuote } from "./components/EmailLayout";
import { TaxNotice } from "./components/TaxNotice";
import { formatMoney } from "@/lib/money/format";

export type PaymentEvent =
  | "milestoneFunded"
  | "fundingFailed"
  | "milestoneDelivered"
  | "approvalReminder"
  | "milestoneReleased"
  | "payoutsNeeded"
  | "transferSent"
  | "disputeOpened"
  | "disputeMessage"
  | "disputeReady"
  | "disputeSettled"
  | "refundSent"
  | "invoiceToDeposit";

export interface PaymentEventEmailProps {
  locale: AppLocale;
  event: PaymentEvent;
  jobTitle: string;
  milestoneTitle: string;
  /** The amount the event is about, in cents (funded, released net, refunded…). */
  amountCents: number;
  /** Days left before automatic approval (reminders, delivery notice). */
  days?: number;
  /** Delivery note, dispute text or settlement note, quoted as is. */
  note?: string | null;
  url: string;
  /** On a payout to the expert: what the client paid and the commission, for the tax notice (art. 242 bis du CGI). */
  tax?: { grossCents: number; commissionCents: number } | null;
}

const euros = (locale: AppLocale, cents: number) => formatMoney(cents, locale);

export function paymentEventSubject({ locale, event, jobTitle, milestoneTitle, amountCents, days }: PaymentEventEmailProps): string {
  return translator(locale, "emails.paymentEvent")(`${event}.subject`, { job: jobTitle, milestone: milestoneTitle, amount: euros(locale, amountCents), days: days ?? 0 });
}

export default function PaymentEventEmail({
  locale = "fr",
  event = "milestoneFunded",
  jobTitle = "Partager nos fichiers entre nos deux boutiques",
  milestoneTitle = "Installation",
  amountCents = 120_000,
  days = 14,
  note = null,
  url = "http://localhost:3000/contracts/00000000-0000-0000-0000-000000000000",
  tax = null,
}: PaymentEventEmailProps) {
  const t = translator(locale, "emails.paymentEvent");
  const common = translator(locale, "emails.common");
  const values = { job: jobTitle, milestone: milestoneTitle, amount: euros(locale, amountCents), days: days ?? 0 };
  return (
    <EmailLayout lang={locale} preview={t(`${event}.subject`, values)} heading={t(`${event}.heading`)} footer={common("footer")}>
      <Text>{t(`${event}.body`, values)}</Text>
      <ReasonQuote label={t("note")} reason={note ?? null} />
      <Button href={url} style={buttonStyle}>
        {t(`${event}.button`)}
      </Button>
      {tax ? <TaxNotice locale={locale} grossCents={tax.grossCents} commissionCents={tax.commissionCents} /> : null}
    </EmailLayout>
  );
}
