"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses, Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { JobStepFields, type StepFieldsProps } from "./JobStepFields";

interface JobStepFormProps extends Pick<StepFieldsProps, "catalog" | "departements" | "kind"> {
  jobId: string;
  step: number;
  initialValues: Record<string, string>;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

export function JobStepForm({ jobId, step, kind, initialValues, catalog, departements, action }: JobStepFormProps) {
  const t = useTranslations("jobWizard");
  const root = useTranslations();
  const { state, formAction, pending, formRef, onSubmit, v, many } = useKeptForm(action, initialValues);
  const validationError = useFieldError(state);
  // Most keys live in `validation`; the wizard's own ones are namespaced ("jobWizard.…").
  const error = (field: string) => {
    const key = state.fieldErrors?.[field];
    return key?.includes(".") ? root(key as never) : validationError(field);
  };
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="step" value={step} />
      <JobStepFields step={step} kind={kind} v={v} many={many} error={error} catalog={catalog} departements={departements} />
      <div className="flex flex-wrap items-center gap-3">
        {step > 1 ? (
          <Link href={`/jobs/${jobId}/edit/${step - 1}`} className={buttonClasses("secondary")}>
            {t("previous")}
          </Link>
        ) : null}
        <Button type="submit" disabled={pending}>
          {step >= 6 ? t("toPreview") : t("saveAndContinue")}
        </Button>
        <span className="text-sm text-stone-600">{t("savedAtEveryStep")}</span>
      </div>
    </form>
  );
}
