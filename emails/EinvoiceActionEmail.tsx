import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { LIFECYCLE_NAMES, type LifecycleCode } from "@/lib/einvoicing/statuses";
import { buttonStyle, EmailLayout, ReasonQuote } from "./components/EmailLayout";

export interface EinvoiceActionEmailProps {
  locale: AppLocale;
  /** The document's number, and whether it is an invoice or a credit note. */
  number: string;
  kind: "invoice" | "credit_note";
  /** A status that needs action: 207 En litige, 208 Suspendue, 210 Refusée, 213 Rejetée. */
  code: LifecycleCode;
  /** The PA's or the buyer's reason, quoted as is. */
  reason: string | null;
  /** The admin's e-invoicing page for an admin, the expert's invoices for the expert. */
  url: string;
  audience: "admin" | "expert";
}

/** The status as the standard writes it, and its translation when the email is not in French. */
function statusLabel(locale: AppLocale, code: LifecycleCode): string {
  const french = LIFECYCLE_NAMES[code];
  const translated = translator(locale, "einvoicing")(`status_${code}`);
  return locale === "fr" || translated === french ? `${code} ${french}` : `${code} ${french} (${translated})`;
}

export function einvoiceActionSubject({ locale, number, kind, code }: EinvoiceActionEmailProps): string {
  return translator(locale, "emails.einvoiceAction")(`subject_${kind}`, { number, status: statusLabel(locale, code) });
}

export default function EinvoiceActionEmail({
  locale = "fr",
  number = "F-2026-0042",
  kind = "invoice",
  code = 210,
  reason = "Montant erroné",
  url = "http://localhost:3000/admin/einvoicing",
  audience = "admin",
}: EinvoiceActionEmailProps) {
  const t = translator(locale, "emails.einvoiceAction");
  const common = translator(locale, "emails.common");
  const subject = einvoiceActionSubject({ locale, number, kind, code, reason, url, audience });
  return (
    <EmailLayout lang={locale} preview={subject} heading={t("heading")} footer={common("footer")}>
      <Text>{t(`body_${kind}`, { number, status: statusLabel(locale, code) })}</Text>
      <ReasonQuote label={t("reason")} reason={reason} />
      <Text>{t("fix")}</Text>
      <Text>{t(`next_${audience}`)}</Text>
      <Button href={url} style={buttonStyle}>
        {t(`button_${audience}`)}
      </Button>
    </EmailLayout>
  );
}
