import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

export type RetainerEvent =
  | "monthCharged"
  | "monthPaidExpert"
  | "chargeFailed"
  | "suspended"
  | "monthClosed"
  | "paused"
  | "resumed"
  | "planProposed"
  | "planChanged"
  | "planDeclined"
  | "noticeGiven"
  | "paymentMethodSaved"
  | "paymentMethodFailed";

export interface RetainerEventEmailProps {
  locale: AppLocale;
  event: RetainerEvent;
  jobTitle: string;
  /** The period concerned, already written in the reader's language ("15 janvier – 14 février 2027"). */
  period: string;
  /** The amount concerned in the reader's language (the month's charge, the new fee…). */
  amount: string;
  /** A date in the reader's language: the next attempt (chargeFailed), the new plan's start, the last day of service. */
  date?: string | null;
  url: string;
}

export function retainerEventSubject({ locale, event, jobTitle }: RetainerEventEmailProps): string {
  return translator(locale, "emails.retainerEvent")(`${event}.subject`, { job: jobTitle });
}

export default function RetainerEventEmail({
  locale = "fr",
  event = "monthCharged",
  jobTitle = "Maintenir notre Nextcloud",
  period = "15 janvier – 14 février 2027",
  amount = "540,00 €",
  date = null,
  url = "http://localhost:3000/contracts/00000000-0000-0000-0000-000000000000",
}: RetainerEventEmailProps) {
  const t = translator(locale, "emails.retainerEvent");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t(`${event}.subject`, { job: jobTitle })} heading={t(`${event}.heading`)} footer={common("footer")}>
      <Text>{t(`${event}.body`, { job: jobTitle, period, amount, date: date ?? "" })}</Text>
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
