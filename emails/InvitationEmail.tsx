import { Button, Link, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

export interface InvitationEmailProps {
  locale: AppLocale;
  url: string;
  organizationName: string;
  inviterName: string;
  role: "owner" | "member";
  expiresInDays: number;
}

export function invitationSubject({ locale, organizationName }: InvitationEmailProps): string {
  return translator(locale, "emails.invitation")("subject", { organization: organizationName });
}

export default function InvitationEmail({
  locale = "fr",
  url = "http://localhost:3000/invitations/preview-token",
  organizationName = "Boulangerie Martin SARL",
  inviterName = "Claire Martin",
  role = "member",
  expiresInDays = 7,
}: InvitationEmailProps) {
  const t = translator(locale, "emails.invitation");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout
      lang={locale}
      preview={t("preview", { organization: organizationName })}
      heading={t("heading", { organization: organizationName })}
      footer={common("footer")}
    >
      <Text>{t("intro", { inviter: inviterName, organization: organizationName, role: t(`role.${role}`) })}</Text>
      <Text>{t("what")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
      <Text>{t("expires", { days: expiresInDays })}</Text>
      <Text style={{ fontSize: "13px", color: "#57534e" }}>
        {t("fallback")} <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}
