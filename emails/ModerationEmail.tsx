import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";

/**
 * To a reporter: `report_received`, `report_decided` (with the link to contest it),
 * `report_complaint_received`, `report_complaint_decided`. To an affected person: `statement`,
 * `complaint_received`, `complaint_decided`, and `restriction_lifted` when an admin lifts a
 * restriction by hand (reinstatement, release of a withheld payout).
 */
export type ModerationEvent =
  | "report_received"
  | "report_decided"
  | "report_complaint_received"
  | "report_complaint_decided"
  | "statement"
  | "complaint_received"
  | "complaint_decided"
  | "restriction_lifted";

const REPORTER_EVENTS: readonly ModerationEvent[] = ["report_decided", "report_complaint_received", "report_complaint_decided"];

export interface ModerationEmailProps {
  locale: AppLocale;
  event: ModerationEvent;
  /** The decision's outcome key (report outcome, restriction kind or complaint outcome). */
  outcome: string | null;
  /** The admin's reasons, as written. */
  note: string | null;
  /** A statement's ground (a `moderation.ground` key): the clause of the terms or the law relied on. */
  ground?: string | null;
  url: string | null;
}

export function moderationSubject({ locale, event }: ModerationEmailProps): string {
  return translator(locale, "emails.moderation")(`${event}.subject`);
}

export default function ModerationEmail({
  locale = "fr",
  event = "statement",
  outcome = "account_suspended",
  note = "Annonces trompeuses répétées malgré deux avertissements.",
  ground = "terms_accuracy",
  url = "http://localhost:3000/decisions/00000000-0000-4000-8000-000000000000",
}: ModerationEmailProps) {
  const t = translator(locale, "emails.moderation");
  const outcomes = translator(locale, "moderation.outcome");
  const grounds = translator(locale, "moderation.ground");
  const common = translator(locale, "emails.common");
  return (
    <EmailLayout lang={locale} preview={moderationSubject({ locale, event, outcome, note, url })} heading={t(`${event}.heading`)} footer={common("footer")}>
      <Text>{t(`${event}.body`)}</Text>
      {outcome ? <Text>{t(event === "restriction_lifted" ? "liftedOutcome" : "outcome", { outcome: outcomes(outcome) })}</Text> : null}
      {note ? <Text style={{ whiteSpace: "pre-line" }}>{note}</Text> : null}
      {ground ? <Text>{t("ground", { ground: grounds(ground) })}</Text> : null}
      {event === "statement" ? <Text>{t("redress")}</Text> : null}
      {event === "report_decided" ? <Text>{t("reportRedress")}</Text> : null}
      {url ? (
        <Button href={url} style={buttonStyle}>
          {t(REPORTER_EVENTS.includes(event) ? "reportButton" : "button")}
        </Button>
      ) : null}
    </EmailLayout>
  );
}
