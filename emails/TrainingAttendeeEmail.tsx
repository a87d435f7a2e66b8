import { Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout } from "./components/EmailLayout";

export interface TrainingAttendeeEmailProps {
  locale: AppLocale;
  attendeeName: string;
  trainingTitle: string;
  /** The client organisation that registered the attendee. */
  organisation: string;
  trainer: string;
  /** "on_site" | "remote" | "mixed", and where when on site. */
  format: "on_site" | "remote" | "mixed";
  place: string | null;
  durationHours: number;
  /** One line per session, already written out ("8 mars 2027, journée complète"). */
  sessions: string[];
  objectives: string;
  prerequisites: string;
}

export function trainingAttendeeSubject({ locale, trainingTitle }: TrainingAttendeeEmailProps): string {
  return translator(locale, "emails.trainingAttendee")("subject", { title: trainingTitle });
}

export default function TrainingAttendeeEmail({
  locale = "fr",
  attendeeName = "Léa Dubois",
  trainingTitle = "Former l’équipe à Nextcloud",
  organisation = "Boulangerie Martin SARL",
  trainer = "Libre Conseil",
  format = "on_site",
  place = "Département 69",
  durationHours = 10,
  sessions = ["8 mars 2027, journée complète", "15 mars 2027, matin"],
  objectives = "Savoir partager et synchroniser ses fichiers dans Nextcloud.",
  prerequisites = "Savoir utiliser un navigateur web.",
}: TrainingAttendeeEmailProps) {
  const t = translator(locale, "emails.trainingAttendee");
  const common = translator(locale, "emails.common");
  const subject = translator(locale, "emails.trainingAttendee")("subject", { title: trainingTitle });
  return (
    <EmailLayout lang={locale} preview={subject} heading={subject} footer={common("footer")}>
      <Text>{t("greeting", { name: attendeeName })}</Text>
      <Text>{t("body", { organisation, title: trainingTitle, trainer })}</Text>
      <Text>{t("format", { format: t(`format_${format}`), hours: String(durationHours) })}{place ? ` — ${place}` : ""}</Text>
      <Text style={{ fontWeight: 700, marginBottom: 0 }}>{t("sessions")}</Text>
      {sessions.map((line) => (
        <Text key={line} style={{ margin: "4px 0" }}>
          • {line}
        </Text>
      ))}
      <Text style={{ fontWeight: 700, marginBottom: 0 }}>{t("objectives")}</Text>
      <Text style={{ marginTop: "4px", whiteSpace: "pre-line" }}>{objectives}</Text>
      <Text style={{ fontWeight: 700, marginBottom: 0 }}>{t("prerequisites")}</Text>
      <Text style={{ marginTop: "4px", whiteSpace: "pre-line" }}>{prerequisites}</Text>
      <Text>{t("signature")}</Text>
    </EmailLayout>
  );
}
