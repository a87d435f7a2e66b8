import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

/**
 * A new message in a bid's conversation. The message itself is never copied into the email
 * (confidentiality): it says who wrote about which job, and links to the conversation.
 */
export interface NewMessageEmailProps {
  locale: AppLocale;
  /** The author's side: the expert writes to the client's members, a client member to the expert. */
  from: "expert" | "client";
  authorName: string;
  organizationName: string;
  jobTitle: string;
  url: string;
  /** No other email for this conversation during this many minutes. */
  windowMinutes: number;
}

export function newMessageSubject({ locale, jobTitle }: NewMessageEmailProps): string {
  return translator(locale, "emails.newMessage")("subject", { job: jobTitle });
}

export default function NewMessageEmail({
  locale = "fr",
  from = "expert",
  authorName = "Sophie Bernard",
  organizationName = "Boulangerie Martin SARL",
  jobTitle = "Partager nos fichiers entre nos deux boutiques",
  url = "http://localhost:3000/jobs/00000000-0000-0000-0000-000000000000/bids/00000000-0000-0000-0000-000000000001",
  windowMinutes = 15,
}: NewMessageEmailProps) {
  const t = translator(locale, "emails.newMessage");
  const common = translator(locale, "emails.common");
  const values = { author: authorName, organization: organizationName, job: jobTitle };
  return (
    <EmailLayout lang={locale} preview={t("subject", { job: jobTitle })} heading={t("heading")} footer={common("footer")}>
      <Text>{from === "expert" ? t("fromExpert", values) : t("fromClient", values)}</Text>
      <Text>{t("confidential")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
      <Text style={{ fontSize: "14px", color: "#57534e" }}>{t("window", { minutes: windowMinutes })}</Text>
    </EmailLayout>
  );
}
