import { Button, Text } from "@react-email/components";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { buttonStyle, EmailLayout } from "./components/EmailLayout";
import { formatMoney } from "@/lib/money/format";

export interface Dac7EmailProps {
  locale: AppLocale;
  /** `reminder`: data missing before the declaration; `copy`: what was declared for the year. */
  kind: "reminder" | "copy";
  year: number;
  url: string;
  /** For the copy: the year's totals in cents and the number of milestones paid. */
  considerationCents?: number;
  feesCents?: number;
  activities?: number;
}

export function dac7Subject({ locale, kind, year }: Dac7EmailProps): string {
  return translator(locale, "emails.dac7")(kind === "copy" ? "copySubject" : "reminderSubject", { year: String(year) });
}

export default function Dac7Email({
  locale = "fr",
  kind = "copy",
  year = 2026,
  url = "http://localhost:3000/expert/dac7/2026",
  considerationCents = 216_000,
  feesCents = 24_000,
  activities = 3,
}: Dac7EmailProps) {
  const t = translator(locale, "emails.dac7");
  const common = translator(locale, "emails.common");
  const euros = (cents: number) => formatMoney(cents, locale);
  const subject = dac7Subject({ locale, kind, year, url });
  return (
    <EmailLayout lang={locale} preview={subject} heading={subject} footer={common("footer")}>
      {kind === "copy" ? (
        <>
          <Text>{t("copyBody", { year: String(year) })}</Text>
          <Text>{t("copyFigures", { activities: String(activities), consideration: euros(considerationCents), fees: euros(feesCents) })}</Text>
          <Text>{t("copyWhy")}</Text>
        </>
      ) : (
        <>
          <Text>{t("reminderBody", { year: String(year) })}</Text>
          <Text>{t("copyWhy")}</Text>
        </>
      )}
      <Button href={url} style={buttonStyle}>
        {t(kind === "copy" ? "copyButton" : "reminderButton")}
      </Button>
    </EmailLayout>
  );
}
