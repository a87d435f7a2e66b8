import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { JobTrainingNeed } from "@/db/schema";
import { TrainingNeedSummary } from "@/components/jobs/TrainingNeedSummary";
import { formatMoney } from "@/lib/money/format";

interface JobPreviewProps {
  job: {
    kind: string | null;
    title: string;
    description: string;
    confidentialDetails: string;
    personalData: boolean | null;
    dataSubjects: string[];
    dataCategories: string[];
    budgetType: string | null;
    budgetMinCents: number | null;
    budgetMaxCents: number | null;
    dailyRateCapCents: number | null;
    startOn: string | null;
    deadlineOn: string | null;
    remote: boolean | null;
    departement: string | null;
    helpMeChoose: boolean;
    trainingNeed: JobTrainingNeed | null;
  };
  software: string[];
  departementName: string | null;
}

/** The job as experts will see it, plus what only NDA signatories will read. */
export async function JobPreview({ job, software, departementName }: JobPreviewProps) {
  const [t, format, locale] = await Promise.all([getTranslations("jobWizard"), getFormatter(), getLocale()]);
  const euros = (cents: number | null) => (cents === null ? "—" : formatMoney(cents, locale, { whole: true }));
  const date = (d: string | null) => (d ? format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" }) : "—");
  const budget =
    job.budgetType === "fixed"
      ? t("previewBudgetFixed", { min: euros(job.budgetMinCents), max: euros(job.budgetMaxCents) })
      : job.budgetType === "daily"
        ? t("previewBudgetDaily", { cap: euros(job.dailyRateCapCents) })
        : "—";
  const rows: [string, string][] = [
    [t("previewKind"), job.kind ? t(`kind_${job.kind}` as "kind_training") : "—"],
    [t("previewSoftware"), [...software, ...(job.helpMeChoose ? [t("helpMeChoose")] : [])].join(", ") || "—"],
    [t("previewBudget"), budget],
    [t("previewDates"), `${date(job.startOn)} → ${date(job.deadlineOn)}`],
    [t("previewPlace"), [departementName, job.remote ? t("remote") : null].filter(Boolean).join(" · ") || "—"],
    [t("previewPersonalData"), job.personalData === null ? "—" : job.personalData ? t("personalDataYes") : t("personalDataNo")],
  ];
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="public-preview" className="rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="public-preview" className="text-sm font-semibold uppercase tracking-wide text-stone-600">{t("previewPublic")}</h2>
        <p className="mt-2 text-2xl font-bold">{job.title || "—"}</p>
        <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 whitespace-pre-line text-stone-800">{job.description}</p>
      </section>
      {job.kind === "training" && job.trainingNeed ? (
        <section aria-labelledby="training-preview" className="rounded-lg border border-stone-200 bg-white p-6">
          <TrainingNeedSummary need={job.trainingNeed} headingId="training-preview" headingClass="text-sm font-semibold uppercase tracking-wide text-stone-600" />
        </section>
      ) : null}
      {job.personalData ? (
        <section aria-labelledby="personal-data-preview" className="rounded-lg border border-stone-200 bg-white p-6">
          <h2 id="personal-data-preview" className="text-sm font-semibold uppercase tracking-wide text-stone-600">{t("previewDataTitle")}</h2>
          <p className="mt-2 text-sm text-stone-700">{t("previewDataNote")}</p>
          <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="font-semibold">{t("previewDataSubjects")}</dt>
            <dd>{job.dataSubjects.map((d) => t(`dataSubject_${d}` as "dataSubject_customers")).join(", ") || "—"}</dd>
            <dt className="font-semibold">{t("previewDataCategories")}</dt>
            <dd>{job.dataCategories.map((d) => t(`dataCategory_${d}` as "dataCategory_contact")).join(", ") || "—"}</dd>
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="confidential-preview" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-6">
        <h2 id="confidential-preview" className="text-sm font-semibold uppercase tracking-wide text-amber-950">{t("previewConfidential")}</h2>
        <p className="mt-2 whitespace-pre-line text-stone-900">{job.confidentialDetails || t("previewNoConfidential")}</p>
      </section>
    </div>
  );
}
