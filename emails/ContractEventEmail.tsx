import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout, ReasonQuote } from "./components/EmailLayout";

export type ContractEvent = "bidAccepted" | "documentsAwaiting" | "contractActive" | "contractCancelled";

export interface ContractEventEmailProps {
  locale: AppLocale;
  event: ContractEvent;
  jobTitle: string;
  /** The other party: the client organisation for the expert, the expert for the client. */
  party: string;
  /** Whether the GDPR art. 28 agreement is part of the documents. */
  withDpa: boolean;
  /** Whether the training agreement (art. L6353-1) is part of the documents. */
  withTrainingAgreement?: boolean;
  /** Why the contract was cancelled (contractCancelled), quoted as the admin wrote it. */
  reason?: string | null;
  /** The contract's price in the reader's language (excl. VAT · VAT regime · total paid), when the bid is accepted. */
  price?: string | null;
  /** For the expert whose bid was accepted: what is still missing to be paid, in words (null when ready). */
  notReady?: string | null;
  url: string;
}

export function contractEventSubject({ locale, event, jobTitle }: ContractEventEmailProps): string {
  return translator(locale, "emails.contractEvent")(`${event}.subject`, { job: jobTitle });
}

export default function ContractEventEmail({
  locale = "fr",
  event = "bidAccepted",
  jobTitle = "Partager nos fichiers entre nos deux boutiques",
  party = "Boulangerie Martin SARL",
  withDpa = true,
  withTrainingAgreement = false,
  reason = null,
  price = null,
  notReady = null,
  url = "http://localhost:3000/contracts/00000000-0000-0000-0000-000000000000",
}: ContractEventEmailProps) {
  const t = translator(locale, "emails.contractEvent");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={t(`${event}.subject`, { job: jobTitle })} heading={t(`${event}.heading`)} footer={common("footer")}>
      <Text>{t(`${event}.body`, { job: jobTitle, client: party, party, dpa: withDpa ? "yes" : "no", training: withTrainingAgreement ? "yes" : "no" })}</Text>
      {price ? <Text>{t("price", { price })}</Text> : null}
      {notReady ? <Text>{t("notReady", { missing: notReady })}</Text> : null}
      {event === "contractCancelled" ? <ReasonQuote label={t("contractCancelled.reason")} reason={reason} /> : null}
      <Button href={url} style={buttonStyle}>
        {t(`${event}.button`)}
      </Button>
    </EmailLayout>
  );
}
