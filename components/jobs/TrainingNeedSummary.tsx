import { getTranslations } from "next-intl/server";
import type { JobTrainingNeed } from "@/db/schema";

/** A training need's answers as a description list: objectives, level, hours, format, places, dates, Qualiopi. */
export async function TrainingNeedSummary({ need, headingId, headingClass }: { need: JobTrainingNeed; headingId: string; headingClass: string }) {
  const t = await getTranslations("jobWizard");
  const rows: [string, string][] = [
    [t("trainingObjectives"), need.objectives],
    [t("trainingLevel"), need.attendeesLevel],
    [t("trainingSummaryHours"), t("trainingHoursValue", { hours: need.durationHours })],
    [t("trainingFormat"), t(`trainingFormat_${need.format}`)],
    [t("trainingAttendees"), String(need.attendeesCount)],
    [t("trainingPeriod"), need.wishedPeriod],
    [t("trainingSummaryQualiopi"), need.qualiopiRequired ? t("trainingQualiopiRequired") : t("trainingQualiopiNotRequired")],
  ];
  return (
    <>
      <h2 id={headingId} className={headingClass}>
        {t("trainingLegend")}
      </h2>
      <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold text-stone-700">{label}</dt>
            <dd className="whitespace-pre-line text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
