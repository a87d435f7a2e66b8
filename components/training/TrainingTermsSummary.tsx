import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TrainingFacts } from "@/db/schema";
import { formatMoney } from "@/lib/money/format";

export type TrainingSummary = Omit<TrainingFacts, "qualiopi"> & { qualiopi: TrainingFacts["qualiopi"] | "declared" };

/** A bid's or contract's training terms, as the client compares and the parties read them. */
export async function TrainingTermsSummary({ terms, headingLevel = 2 }: { terms: TrainingSummary; headingLevel?: 2 | 3 }) {
  const [t, format, locale] = await Promise.all([getTranslations("training"), getFormatter(), getLocale()]);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const euros = (cents: number) => formatMoney(cents, locale);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "full" });
  return (
    <section aria-labelledby="training-terms" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
      <Heading id="training-terms" className="text-xl font-semibold">
        {t("termsHeading")}
      </Heading>
      <dl className="grid gap-x-6 gap-y-2 text-sm md:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("durationHours")}</dt>
        <dd>{t("hours", { n: terms.durationHours })}</dd>
        <dt className="font-semibold">{t("format")}</dt>
        <dd>{t(`format_${terms.format}`)}</dd>
        <dt className="font-semibold">{t("attendeesCount")}</dt>
        <dd>{terms.attendeesCount}</dd>
        <dt className="font-semibold">{t("priceBasis")}</dt>
        <dd>{t(`priceLine_${terms.priceBasis}`, { price: euros(terms.unitPriceCents) })}</dd>
        <dt className="font-semibold">{t("activityDeclarationNumber")}</dt>
        <dd>{terms.activityDeclarationNumber.replace(/^(\d{2})(\d{2})(\d{5})(\d{2})$/, "$1 $2 $3 $4")}</dd>
        <dt className="font-semibold">Qualiopi</dt>
        <dd>
          {terms.qualiopi === "declared"
            ? t("qualiopiDeclared")
            : terms.qualiopi
              ? t("qualiopiYes", { number: terms.qualiopi.certificateNumber, expiresOn: day(terms.qualiopi.expiresOn) })
              : t("qualiopiNo")}
        </dd>
      </dl>
      <h3 className="font-semibold">{t("sessions")}</h3>
      <ol className="list-decimal pl-6 text-sm">
        {terms.sessions.map((s) => (
          <li key={`${s.date}-${s.slot}`}>
            {day(s.date)} — {t(`slot_${s.slot}`)}
          </li>
        ))}
      </ol>
      <h3 className="font-semibold">{t("objectives")}</h3>
      <p className="text-sm whitespace-pre-line">{terms.objectives}</p>
      <h3 className="font-semibold">{t("prerequisites")}</h3>
      <p className="text-sm whitespace-pre-line">{terms.prerequisites}</p>
      <h3 className="font-semibold">{t("outline")}</h3>
      <p className="text-sm whitespace-pre-line">{terms.outline}</p>
    </section>
  );
}
