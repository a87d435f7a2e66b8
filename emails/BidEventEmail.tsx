import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout, ReasonQuote } from "./components/EmailLayout";

export type BidEvent = "newBid" | "bidDeclined" | "jobClosed" | "jobCancelled" | "jobAwarded";

export interface BidEventEmailProps {
  locale: AppLocale;
  event: BidEvent;
  jobTitle: string;
  expertName: string;
  reason: string | null;
  /** The bid's price in the reader's language (excl. VAT · VAT regime · total paid), for a new bid. */
  price?: string | null;
  url: string;
}

export function bidEventSubject({ locale, event, jobTitle }: BidEventEmailProps): string {
  return translator(locale, "emails.bidEvent")(`${event}.subject`, { job: jobTitle });
}

export default function BidEventEmail({
  locale = "fr",
  event = "newBid",
  jobTitle = "Partager nos fichiers entre nos deux boutiques",
  expertName = "Sophie Bernard",
  reason = null,
  price = null,
  url = "http://localhost:3000/jobs/00000000-0000-0000-0000-000000000000/bids",
}: BidEventEmailProps) {
  const t = translator(locale, "emails.bidEvent");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t(`${event}.subject`, { job: jobTitle })} heading={t(`${event}.heading`)} footer={common("footer")}>
      <Text>{t(`${event}.body`, { job: jobTitle, expert: expertName })}</Text>
      {price ? <Text>{t("price", { price })}</Text> : null}
      <ReasonQuote label={t("reason")} reason={reason} />
      <Button href={url} style={buttonStyle}>
        {t(`${event}.button`)}
      </Button>
    </EmailLayout>
  );
}
