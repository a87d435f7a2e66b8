import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout, ReasonQuote } from "./components/EmailLayout";

/** A review left about the recipient's side at the end of a contract. */
export interface ReviewEmailProps {
  locale: AppLocale;
  /** The author's side: the client reviews the expert, the expert reviews the client. */
  from: "client" | "expert";
  /** The author: the client organisation for the expert, the expert's name for the client. */
  party: string;
  jobTitle: string;
  /** 1 to 5. */
  rating: number;
  /** May be empty (the comment is optional). */
  comment: string;
  /** Whether the recipient's side has not reviewed yet (then they are invited to). */
  invite: boolean;
  url: string;
}

export function reviewSubject({ locale, jobTitle }: ReviewEmailProps): string {
  return translator(locale, "emails.review")("subject", { job: jobTitle });
}

export default function ReviewEmail({
  locale = "fr",
  from = "client",
  party = "Boulangerie Martin SARL",
  jobTitle = "Partager nos fichiers entre nos deux boutiques",
  rating = 5,
  comment = "Travail soigné, explications claires, et nos deux boutiques partagent enfin leurs fichiers.",
  invite = true,
  url = "http://localhost:3000/contracts/00000000-0000-0000-0000-000000000000#contract-reviews",
}: ReviewEmailProps) {
  const t = translator(locale, "emails.review");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t("subject", { job: jobTitle })} heading={t("heading")} footer={common("footer")}>
      <Text>{t("body", { party, job: jobTitle, rating })}</Text>
      <ReasonQuote label={t("commentLabel")} reason={comment || null} />
      {from === "client" ? <Text>{t("publicNote")}</Text> : null}
      {invite ? <Text>{t("invite")}</Text> : null}
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
