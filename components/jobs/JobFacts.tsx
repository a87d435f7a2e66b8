import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Fragment } from "react";
import type { JobKind } from "@/db/schema";
import { budgetText, isoDateToDate, placeText, type JobBudget, type JobPlace } from "./job-format";

export interface JobFactsData extends JobBudget, JobPlace {
  kind: JobKind | null;
  helpMeChoose: boolean;
  startOn: string | null;
  deadlineOn: string | null;
  publishedAt: Date | null;
}

interface JobFactsProps {
  job: JobFactsData;
  /** Software names, alphabetical. */
  software: string[];
  /** "card": small text in a job card; "page": the job page's summary. */
  variant: "card" | "page";
}

/** The key facts of a job as a description list: kind, software, budget, place, dates. */
export async function JobFacts({ job, software, variant }: JobFactsProps) {
  const [t, format, locale] = await Promise.all([getTranslations("jobBoard"), getFormatter(), getLocale()]);
  const budget = budgetText(locale, job);
  const place = placeText(job);
  const longDate = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  const softwareText =
    software.length > 0 ? format.list(software, { type: "conjunction" }) : job.helpMeChoose ? t("helpMeChoose") : t("notSet");

  const rows: [label: string, value: string][] = [
    ...(job.kind ? [[t("kindLabel"), t(`kind_${job.kind}`)] as [string, string]] : []),
    [t("softwareLabel"), softwareText],
    [t("budgetLabel"), budget ? t(budget.key, budget.values) : t("notSet")],
    [t("placeLabel"), place ? t(place.key, place.values) : t("notSet")],
  ];
  if (job.startOn) rows.push([t("startLabel"), longDate(isoDateToDate(job.startOn))]);
  if (job.deadlineOn) rows.push([t("deadlineLabel"), longDate(isoDateToDate(job.deadlineOn))]);
  if (job.publishedAt) rows.push([t("postedLabel"), longDate(job.publishedAt)]);

  const listClass =
    variant === "card"
      ? "grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm"
      : "grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]";
  return (
    <dl className={listClass}>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt className="font-semibold text-stone-700">{label}</dt>
          <dd className="text-stone-900">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
