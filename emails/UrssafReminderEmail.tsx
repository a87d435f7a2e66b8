import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

export interface UrssafReminderEmailProps {
  locale: AppLocale;
  staleOn: string;
  url: string;
}

export function urssafReminderSubject({ locale }: UrssafReminderEmailProps): string {
  return translator(locale, "emails.urssafReminder")("subject");
}

export default function UrssafReminderEmail({
  locale = "fr",
  staleOn = "2027-01-15",
  url = "http://localhost:3000/expert/profile",
}: UrssafReminderEmailProps) {
  const t = translator(locale, "emails.urssafReminder");
  const common = translator(locale, "emails.common");
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(`${staleOn}T12:00:00Z`));
  return (
    <EmailLayout lang={locale} preview={t("subject")} heading={t("heading")} footer={common("footer")}>
      <Text>{t("body", { date })}</Text>
      <Text>{t("how")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
