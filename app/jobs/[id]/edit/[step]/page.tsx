import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { JobPreview } from "@/components/job-wizard/JobPreview";
import { JobStepForm } from "@/components/job-wizard/JobStepForm";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { WizardProgress } from "@/components/job-wizard/WizardProgress";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/experts/queries";
import { departementName, departements } from "@/lib/geo/departements";
import { getJobForEditing } from "@/lib/jobs/editing";
import { isJobEditable } from "@/lib/jobs/job-machine";
import { isJobStep } from "@/lib/jobs/schemas";
import { jobToValues } from "@/lib/jobs/wizard-form";
import { publishJobAction, saveJobStepAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobWizard"))("editTitle") };
}

export default async function JobWizardPage({ params }: { params: Promise<{ id: string; step: string }> }) {
  const { id, step: stepParam } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/jobs/${id}/edit/${stepParam}`)}`);
  if (actor.role !== "client") notFound();
  const step = stepParam === "preview" ? "preview" : Number(stepParam);
  if (step !== "preview" && !isJobStep(step)) notFound();
  const editing = await getJobForEditing(actor, id).catch(() => null);
  if (!editing) notFound();
  const { job, softwareIds, missing } = editing;
  if (!isJobEditable(job.status)) redirect(`/jobs/${id}`);
  const [t, catalog] = await Promise.all([getTranslations("jobWizard"), listCatalog()]);
  const heading = step === "preview" ? t("stepName_preview") : t(`stepName_${step}`);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={heading} lead={step === "preview" ? t("previewLead") : t(`stepLead_${step}`)} />
      <WizardProgress jobId={id} current={step} reached={job.wizardStep} />
      {step === "preview" ? (
        <>
          <JobPreview
            job={job}
            software={catalog.filter((s) => softwareIds.includes(s.id)).map((s) => s.name)}
            departementName={job.departement ? (departementName(job.departement) ?? job.departement) : null}
          />
          {missing.length > 0 ? (
            <Alert tone="warning">{t("missingSteps", { steps: missing.map((s) => t(`stepName_${s}`)).join(", ") })}</Alert>
          ) : job.status === "draft" ? (
            <SimpleActionForm label={t("publish")} hidden={{ jobId: id }} action={publishJobAction} />
          ) : (
            <Alert tone="info">{t("alreadyPublished")}</Alert>
          )}
        </>
      ) : (
        <JobStepForm
          jobId={id}
          step={step}
          kind={job.kind}
          initialValues={jobToValues(job, softwareIds)}
          catalog={catalog}
          departements={departements.map(({ code, name }) => ({ code, name }))}
          action={saveJobStepAction}
        />
      )}
    </div>
  );
}
