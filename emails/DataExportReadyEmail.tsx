import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

export interface DataExportReadyEmailProps {
  locale: AppLocale;
  url: string;
  /** Last day of download, already written out in `locale`. */
  until: string;
}

export function dataExportReadySubject({ locale }: DataExportReadyEmailProps): string {
  return translator(locale, "emails.dataExportReady")("subject");
}

/** The link leads to the account's download, behind sign-in: the email alone opens nothing. */
export default function DataExportReadyEmail({ locale = "fr", url = "http://localhost:3000/account", until = "12 décembre 2026" }: DataExportReadyEmailProps) {
  const t = translator(locale, "emails.dataExportReady");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t("subject")} heading={t("heading")} footer={common("footer")}>
      <Text>{t("body", { until })}</Text>
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
