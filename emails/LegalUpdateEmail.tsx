import { Button, Text } from "@react-email/components";
import type { LegalDocument } from "@/db/schema";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout, ReasonQuote } from "./components/EmailLayout";

export interface LegalUpdateEmailProps {
  locale: AppLocale;
  document: LegalDocument;
  version: string;
  /** YYYY-MM-DD */
  effectiveOn: string;
  changes: string | null;
  url: string;
}

const longDate = (locale: AppLocale, isoDate: string) =>
  new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));

export function legalUpdateSubject({ locale, document, effectiveOn }: LegalUpdateEmailProps): string {
  const t = translator(locale, "emails.legalUpdate");
  return t("subject", { document: t(`document_${document}`), date: longDate(locale, effectiveOn) });
}

/** A new version of the terms, the privacy policy or the billing mandate, announced ahead of its date. */
export default function LegalUpdateEmail({
  locale = "fr",
  document = "terms",
  version = "2",
  effectiveOn = "2026-12-21",
  changes = "Nouveaux articles sur la modération des contenus, le classement des résultats et la contestation des décisions.",
  url = "http://localhost:3000/legal/terms/v/2",
}: LegalUpdateEmailProps) {
  const t = translator(locale, "emails.legalUpdate");
  const common = translator(locale, "emails.common");
  const values = { document: t(`document_${document}`), version, date: longDate(locale, effectiveOn) };
  return (
    <EmailLayout lang={locale} preview={legalUpdateSubject({ locale, document, version, effectiveOn, changes, url })} heading={t("heading", values)} footer={common("footer")}>
      <Text>{t("body", values)}</Text>
      <ReasonQuote label={t("changes")} reason={changes} />
      <Text>{t("accept")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("button")}
      </Button>
    </EmailLayout>
  );
}
