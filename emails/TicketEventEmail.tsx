import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

export type TicketEvent = "opened" | "answered" | "clientReplied" | "resolved" | "reopened" | "breached" | "extraHoursSubmitted" | "extraHoursRefused";

export interface TicketEventEmailProps {
  locale: AppLocale;
  event: TicketEvent;
  jobTitle: string;
  ticketTitle: string;
  url: string;
  /** How many files came with the ticket or the message (0 when none); the files stay on the site. */
  files?: number;
}

export function ticketEventSubject({ locale, event, ticketTitle }: TicketEventEmailProps): string {
  return translator(locale, "emails.ticketEvent")(`${event}.subject`, { ticket: ticketTitle });
}

export default function TicketEventEmail({
  locale = "fr",
  event = "opened",
  jobTitle = "Maintenir notre Nextcloud",
  ticketTitle = "Synchronisation bloquée",
  url = "http://localhost:3000/contracts/00000000-0000-0000-0000-000000000000/tickets",
  files = 2,
}: TicketEventEmailProps) {
  const t = translator(locale, "emails.ticketEvent");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t(`${event}.subject`, { ticket: ticketTitle })} heading={t(`${event}.heading`)} footer={common("footer")}>
      <Text>{t(`${event}.body`, { job: jobTitle, ticket: ticketTitle })}</Text>
      {files > 0 ? <Text>{t("files", { count: files })}</Text> : null}
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
