import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout, ReasonQuote } from "./components/EmailLayout";

export interface AccountSuspendedEmailProps {
  locale: AppLocale;
  /** When the account was suspended, already written out in `locale` (Paris time). */
  since: string;
  reason: string | null;
  contactUrl: string;
}

export function accountSuspendedSubject({ locale }: AccountSuspendedEmailProps): string {
  return translator(locale, "emails.accountSuspended")("subject");
}

/** Sent instead of a sign-in link when a suspended account asks for one. */
export default function AccountSuspendedEmail({
  locale = "fr",
  since = "3 décembre 2026",
  reason = "Comportement contraire aux conditions d’utilisation.",
  contactUrl = "http://localhost:3000/legal/notice",
}: AccountSuspendedEmailProps) {
  const t = translator(locale, "emails.accountSuspended");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t("subject")} heading={t("heading")} footer={common("footer")}>
      <Text>{t("body", { since })}</Text>
      <ReasonQuote label={t("reason")} reason={reason} />
      <Text>{t("contact")}</Text>
      <Button href={contactUrl} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
