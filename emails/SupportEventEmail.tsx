import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

/** To the person: `received` (their message reached us), `answered`. To admins: `new`, `replied`. */
export type SupportEvent = "received" | "answered" | "new" | "replied";

export interface SupportEventEmailProps {
  locale: AppLocale;
  event: SupportEvent;
  /** The thread's subject, as the person wrote it. */
  subject: string;
  url: string;
}

export function supportEventSubject({ locale, event, subject }: SupportEventEmailProps): string {
  return translator(locale, "emails.supportEvent")(`${event}.subject`, { subject: subject.slice(0, 80) });
}

/** Never the messages themselves: the link leads to them, behind sign-in or the thread's secret link. */
export default function SupportEventEmail({
  locale = "fr",
  event = "answered",
  subject = "Question sur la facturation",
  url = "http://localhost:3000/support/00000000-0000-4000-8000-000000000000",
}: SupportEventEmailProps) {
  const t = translator(locale, "emails.supportEvent");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={supportEventSubject({ locale, event, subject, url })} heading={t(`${event}.heading`)} footer={common("footer")}>
      <Text>{t(`${event}.body`, { subject })}</Text>
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
