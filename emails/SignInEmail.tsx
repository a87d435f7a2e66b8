import { Button, Link, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

export interface SignInEmailProps {
  locale: AppLocale;
  url: string;
  expiresInMinutes: number;
}

export function signInSubject({ locale }: SignInEmailProps): string {
  return translator(locale, "emails.signIn")("subject");
}

export default function SignInEmail({
  locale = "fr",
  url = "http://localhost:3000/api/auth/callback/email?token=preview&email=claire%40example.fr",
  expiresInMinutes = 30,
}: SignInEmailProps) {
  const t = translator(locale, "emails.signIn");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t("preview")} heading={t("heading")} footer={common("footer")}>
      <Text>{t("intro")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
      <Text>{t("expires", { minutes: expiresInMinutes })}</Text>
      <Text style={{ fontSize: "13px", color: "#57534e" }}>
        {t("fallback")} <Link href={url}>{url}</Link>
      </Text>
      <Text style={{ fontSize: "13px", color: "#57534e" }}>{t("ignore")}</Text>
    </EmailLayout>
  );
}
