import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BackgroundRowForm } from "@/components/admin/BackgroundRowForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { getBackgroundOverview } from "@/lib/background-admin/queries";
import { emailRetryAction, jobAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backgroundAdmin"))("title") };
}

const cell = "p-3 align-top";

/** Failed and stuck background jobs and emails, with their last error, to retry or give up. */
export default async function BackgroundJobsPage() {
  const actor = await requireAdminPage("/admin/background");
  const [t, format, overview] = await Promise.all([getTranslations("backgroundAdmin"), getFormatter(), getBackgroundOverview(actor)]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "short" }) : "—");
  const minutes = overview.stuckAfterMinutes;
  return (
    <div className="flex flex-col gap-8">
      <Link href="/admin" className="self-start underline">
        {t("backToAdmin")}
      </Link>
      <PageHeading title={t("title")} lead={t("lead", { minutes })} />
      <section aria-labelledby="jobs" className="flex flex-col gap-3">
        <h2 id="jobs" className="text-xl font-semibold">
          {t("jobsHeading")}
        </h2>
        {overview.jobs.length === 0 ? (
          <p className="text-stone-700">{t("noJobs")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="p-3 text-left text-stone-700">{t("jobsCaption", { count: overview.jobs.length, minutes })}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className={cell}>{t("colTask")}</th>
                  <th scope="col" className={cell}>{t("colState")}</th>
                  <th scope="col" className={cell}>{t("colAttempts")}</th>
                  <th scope="col" className={cell}>{t("colError")}</th>
                  <th scope="col" className={cell}>{t("colTimes")}</th>
                  <th scope="col" className={cell}>{t("colActions")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.jobs.map((job) => {
                  const subject = t("jobSubject", { task: job.task, id: job.id });
                  return (
                    <tr key={job.id} className="border-b border-stone-200">
                      <th scope="row" className={`${cell} font-normal`}>
                        <code>{job.task}</code> <span className="text-stone-600">#{job.id}</span>
                      </th>
                      <td className={cell}>{t(`job_${job.problem}`, { minutes })}</td>
                      <td className={cell}>{t("attempts", { attempts: job.attempts, max: job.maxAttempts })}</td>
                      <td className={`${cell} max-w-md break-words`}>{job.lastError ?? "—"}</td>
                      <td className={cell}>
                        <dl className="grid grid-cols-[auto_1fr] gap-x-2">
                          <dt className="text-stone-600">{t("created")}</dt>
                          <dd>{when(job.createdAt)}</dd>
                          <dt className="text-stone-600">{job.lockedAt ? t("lockedAt") : t("runAt")}</dt>
                          <dd>{when(job.lockedAt ?? job.runAt)}</dd>
                        </dl>
                      </td>
                      <td className={cell}>
                        {job.problem === "locked" ? (
                          <p className="max-w-48 text-stone-700">{t("lockedHelp")}</p>
                        ) : (
                          <div className="flex flex-col gap-2">
                            <BackgroundRowForm fields={{ jobId: job.id, intent: "retry" }} label={t("retry")} subject={subject} action={jobAction} />
                            {job.problem === "failed" ? null : (
                              <BackgroundRowForm fields={{ jobId: job.id, intent: "abandon" }} label={t("abandon")} subject={subject} variant="danger" action={jobAction} />
                            )}
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="emails" className="flex flex-col gap-3">
        <h2 id="emails" className="text-xl font-semibold">
          {t("emailsHeading")}
        </h2>
        {overview.emails.length === 0 ? (
          <p className="text-stone-700">{t("noEmails")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="p-3 text-left text-stone-700">{t("emailsCaption", { count: overview.emails.length, minutes })}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className={cell}>{t("colEmail")}</th>
                  <th scope="col" className={cell}>{t("colState")}</th>
                  <th scope="col" className={cell}>{t("colAttempts")}</th>
                  <th scope="col" className={cell}>{t("colError")}</th>
                  <th scope="col" className={cell}>{t("emailCreated")}</th>
                  <th scope="col" className={cell}>{t("colActions")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.emails.map((email) => (
                  <tr key={email.id} className="border-b border-stone-200">
                    <th scope="row" className={`${cell} font-normal`}>
                      <code>{email.template}</code>
                      <br />
                      <span className="text-stone-700">{email.toAddress}</span>
                    </th>
                    <td className={cell}>{t(`email_${email.problem}`, { minutes })}</td>
                    <td className={cell}>{email.attempts}</td>
                    <td className={`${cell} max-w-md break-words`}>{email.lastError ?? "—"}</td>
                    <td className={cell}>{when(email.createdAt)}</td>
                    <td className={cell}>
                      <BackgroundRowForm
                        fields={{ emailId: email.id }}
                        label={t("retry")}
                        subject={t("emailSubject", { template: email.template, to: email.toAddress })}
                        action={emailRetryAction}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
