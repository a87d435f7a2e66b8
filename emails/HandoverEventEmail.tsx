import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

export type HandoverEvent = "packDelivered" | "accessRevoked" | "accessKept";

export interface HandoverEventEmailProps {
  locale: AppLocale;
  event: HandoverEvent;
  jobTitle: string;
  /** The other party: the expert for the client, the client organisation for the expert. */
  party: string;
  /** The access the client decided on (accessRevoked, accessKept): its label in the register. */
  access?: string | null;
  url: string;
}

export function handoverEventSubject({ locale, event, jobTitle }: HandoverEventEmailProps): string {
  return translator(locale, "emails.handoverEvent")(`${event}.subject`, { job: jobTitle });
}

export default function HandoverEventEmail({
  locale = "fr",
  event = "packDelivered",
  jobTitle = "Installer Nextcloud sur notre serveur",
  party = "Sophie Laurent",
  access = null,
  url = "http://localhost:3000/contracts/00000000-0000-0000-0000-000000000000/handover",
}: HandoverEventEmailProps) {
  const t = translator(locale, "emails.handoverEvent");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t(`${event}.subject`, { job: jobTitle })} heading={t(`${event}.heading`)} footer={common("footer")}>
      <Text>{t(`${event}.body`, { job: jobTitle, party, access: access ?? "" })}</Text>
      <Button href={url} style={buttonStyle}>
        {t(`${event}.button`)}
      </Button>
    </EmailLayout>
  );
}
