import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { JobStatus } from "@/db/schema";
import { buttonClasses } from "@/components/ui/Button";
import type { FormState } from "@/lib/actions/form-state";
import { JobActionForm } from "./JobPageForms";

type JobAction = (state: FormState, formData: FormData) => Promise<FormState>;

interface JobOwnerActionsProps {
  jobId: string;
  status: JobStatus;
  closeAction: JobAction;
  cancelAction: JobAction;
}

/** The organisation's tools on its own job: edit (draft or open), close (open), cancel (draft or open). */
export async function JobOwnerActions({ jobId, status, closeAction, cancelAction }: JobOwnerActionsProps) {
  const editable = status === "draft" || status === "open";
  if (!editable) return null;
  const t = await getTranslations("jobBoard");
  return (
    <section aria-labelledby="job-owner-tools" className="rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="job-owner-tools" className="text-xl font-semibold text-stone-900">
        {t("ownerTitle")}
      </h2>
      <p className="mt-2 max-w-2xl text-stone-700">{t("ownerLead")}</p>
      <div className="mt-4 flex flex-col gap-6">
        <p>
          <Link href={`/jobs/${jobId}/edit/1`} className={buttonClasses("primary")}>
            {t("edit")}
          </Link>
        </p>
        {status === "open" ? (
          <JobActionForm
            jobId={jobId}
            action={closeAction}
            label={t("close")}
            hint={t("closeHint")}
            confirm={t("closeConfirm")}
            variant="secondary"
            idPrefix="job-close"
          />
        ) : null}
        <JobActionForm
          jobId={jobId}
          action={cancelAction}
          label={t("cancel")}
          hint={t("cancelHint")}
          confirm={t("cancelConfirm")}
          variant="danger"
          idPrefix="job-cancel"
        />
      </div>
    </section>
  );
}
