import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { JobFacts } from "@/components/jobs/JobFacts";
import type { MatchingJob } from "@/lib/jobs/matching";

/** Open jobs matching the expert's skills and départements (or a note saying why there are none). */
export async function MatchingJobs({ jobs, verified }: { jobs: MatchingJob[]; verified: boolean }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  return (
    <section aria-labelledby="matching-jobs" className="rounded-lg border border-stone-200 bg-white p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="matching-jobs" className="text-xl font-semibold">
          {t("matchingJobs")}
        </h2>
        <Link href="/jobs" className="underline">
          {t("allJobs")}
        </Link>
      </div>
      {!verified ? (
        <p className="mt-3 text-stone-700">{t("matchingNeedsVerification")}</p>
      ) : jobs.length === 0 ? (
        <p className="mt-3 text-stone-700">{t("noMatchingJobs")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-4">
          {jobs.map((job) => (
            <li key={job.id} className="flex flex-col gap-2 border-b border-stone-200 pb-4 last:border-0">
              <h3 className="font-semibold">
                <Link href={`/jobs/${job.id}`} className="underline">
                  {job.title}
                </Link>
              </h3>
              {job.matchedSoftware.length > 0 ? (
                <p className="text-sm text-brand-900">{t("matchedOn", { software: format.list(job.matchedSoftware, { type: "conjunction" }) })}</p>
              ) : null}
              <JobFacts job={{ ...job, startOn: null, deadlineOn: null }} software={job.software} variant="card" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
