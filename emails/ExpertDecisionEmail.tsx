import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout, ReasonQuote } from "./components/EmailLayout";

export type ExpertDecision = "verified" | "changes_requested" | "rejected" | "suspended" | "reinstated" | "changes_approved" | "changes_refused";

export interface ExpertDecisionEmailProps {
  locale: AppLocale;
  decision: ExpertDecision;
  reason: string | null;
  url: string;
}

export function expertDecisionSubject({ locale, decision }: ExpertDecisionEmailProps): string {
  return translator(locale, "emails.expertDecision")(`${decision}.subject`);
}

export default function ExpertDecisionEmail({
  locale = "fr",
  decision = "changes_requested",
  reason = "L’attestation URSSAF date de plus de six mois : merci d’en déposer une récente.",
  url = "http://localhost:3000/expert/profile",
}: ExpertDecisionEmailProps) {
  const t = translator(locale, "emails.expertDecision");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t(`${decision}.subject`)} heading={t(`${decision}.heading`)} footer={common("footer")}>
      <Text>{t(`${decision}.body`)}</Text>
      <ReasonQuote label={t("reason")} reason={reason} />
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
