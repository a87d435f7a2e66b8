import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/Button";

interface MyJobsProps {
  jobs: { id: string; title: string; status: "draft" | "open" | "in_progress" | "closed" | "cancelled"; wizardStep: number; updatedAt: Date; bidCount: number }[];
}

export async function MyJobs({ jobs }: MyJobsProps) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  return (
    <section aria-labelledby="my-jobs" className="rounded-lg border border-stone-200 bg-white p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="my-jobs" className="text-xl font-semibold">{t("myJobs")}</h2>
        <Link href="/jobs/new" className={buttonClasses("primary")}>
          {t("postNeed")}
        </Link>
      </div>
      {jobs.length === 0 ? (
        <p className="mt-3 text-stone-700">{t("noJobs")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200">
          {jobs.map((job) => (
            <li key={job.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
              <Link href={job.status === "draft" ? `/jobs/${job.id}/edit/${Math.min(job.wizardStep, 6)}` : `/jobs/${job.id}`} className="font-semibold underline">
                {job.title || t("untitled")}
              </Link>
              <span className="text-stone-700">
                {t(`jobStatus_${job.status}`)} · {format.dateTime(job.updatedAt, { dateStyle: "medium" })}
                {job.status === "draft" ? <span className="sr-only"> — {t("continueDraft")}</span> : null}
              </span>
              {job.bidCount > 0 ? (
                <Link href={`/jobs/${job.id}/bids`} className="w-full underline sm:w-auto">
                  {t("compareBids", { count: job.bidCount })}
                  <span className="sr-only"> — {job.title}</span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
