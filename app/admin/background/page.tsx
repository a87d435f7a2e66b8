import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BackgroundRowForm } from "@/components/admin/BackgroundRowForm";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { getBackgroundOverview } from "@/lib/background-admin/queries";
import { emailRetryAction, jobAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backgroundAdmin"))("title") };
}

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
        <DataTable
          caption={t("jobsCaption", { count: overview.jobs.length, minutes })}
          empty={t("noJobs")}
          rows={overview.jobs}
          rowKey={(job) => job.id}
          columns={[
            {
              key: "task",
              header: t("colTask"),
              rowHeader: true,
              cell: (job) => (
                <>
                  <code>{job.task}</code> <span className="text-stone-600">#{job.id}</span>
                </>
              ),
            },
            { key: "state", header: t("colState"), cell: (job) => t(`job_${job.problem}`, { minutes }) },
            { key: "attempts", header: t("colAttempts"), numeric: true, cell: (job) => t("attempts", { attempts: job.attempts, max: job.maxAttempts }) },
            { key: "error", header: t("colError"), className: "max-w-md break-words", cell: (job) => job.lastError ?? "—" },
            {
              key: "times",
              header: t("colTimes"),
              cell: (job) => (
                <dl className="grid grid-cols-[auto_1fr] gap-x-2">
                  <dt className="text-stone-600">{t("created")}</dt>
                  <dd>{when(job.createdAt)}</dd>
                  <dt className="text-stone-600">{job.lockedAt ? t("lockedAt") : t("runAt")}</dt>
                  <dd>{when(job.lockedAt ?? job.runAt)}</dd>
                </dl>
              ),
            },
            {
              key: "actions",
              header: t("colActions"),
              cell: (job) => {
                const subject = t("jobSubject", { task: job.task, id: job.id });
                return job.problem === "locked" ? (
                  <p className="max-w-48 text-stone-700">{t("lockedHelp")}</p>
                ) : (
                  <div className="flex flex-col gap-2">
                    <BackgroundRowForm fields={{ jobId: job.id, intent: "retry" }} label={t("retry")} subject={subject} action={jobAction} />
                    {job.problem === "failed" ? null : (
                      <BackgroundRowForm fields={{ jobId: job.id, intent: "abandon" }} label={t("abandon")} subject={subject} variant="danger" action={jobAction} />
                    )}
                  </div>
                );
              },
            },
          ]}
        />
      </section>
      <section aria-labelledby="emails" className="flex flex-col gap-3">
        <h2 id="emails" className="text-xl font-semibold">
          {t("emailsHeading")}
        </h2>
        <DataTable
          caption={t("emailsCaption", { count: overview.emails.length, minutes })}
          empty={t("noEmails")}
          rows={overview.emails}
          rowKey={(email) => email.id}
          columns={[
            {
              key: "email",
              header: t("colEmail"),
              rowHeader: true,
              cell: (email) => (
                <>
                  <code>{email.template}</code>
                  <br />
                  <span className="text-stone-700">{email.toAddress}</span>
                </>
              ),
            },
            { key: "state", header: t("colState"), cell: (email) => t(`email_${email.problem}`, { minutes }) },
            { key: "attempts", header: t("colAttempts"), numeric: true, cell: (email) => email.attempts },
            { key: "error", header: t("colError"), className: "max-w-md break-words", cell: (email) => email.lastError ?? "—" },
            { key: "created", header: t("emailCreated"), cell: (email) => when(email.createdAt) },
            {
              key: "actions",
              header: t("colActions"),
              cell: (email) => (
                <BackgroundRowForm
                  fields={{ emailId: email.id }}
                  label={t("retry")}
                  subject={t("emailSubject", { template: email.template, to: email.toAddress })}
                  action={emailRetryAction}
                />
              ),
            },
          ]}
        />
      </section>
    </div>
  );
}
