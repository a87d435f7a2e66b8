import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { excerpt } from "./job-format";
import { JobFacts, type JobFactsData } from "./JobFacts";
import { PersonalDataBadge } from "./PersonalDataBadge";

export interface JobCardData extends JobFactsData {
  id: string;
  title: string;
  /** Public description, plain text. */
  description: string;
  personalData: boolean | null;
  /** Software names, alphabetical. */
  software: string[];
}

/** One open job on the board; the title (h2) links to the job page. */
export async function JobCard({ job }: { job: JobCardData }) {
  const t = await getTranslations("jobBoard");
  const summary = excerpt(job.description);
  return (
    <article className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-lg font-semibold text-stone-900">
          <Link href={`/jobs/${job.id}`} className="text-brand-900 underline underline-offset-4 hover:text-brand-700">
            {job.title}
          </Link>
        </h2>
        {job.personalData ? <PersonalDataBadge label={t("personalDataBadge")} /> : null}
      </div>
      {summary ? <p className="max-w-3xl text-stone-800">{summary}</p> : null}
      <JobFacts job={job} software={job.software} variant="card" />
    </article>
  );
}
