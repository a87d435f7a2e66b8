"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface NdaAcceptFormProps {
  jobId: string;
  /** Version of the NDA text being accepted (recorded with the acceptance). */
  ndaVersion: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}

/** The job's confidentiality agreement and the form by which a verified expert accepts it. */
export function NdaAcceptForm({ jobId, ndaVersion, action }: NdaAcceptFormProps) {
  const t = useTranslations("jobBoard");
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <div className="flex flex-col gap-4">
      <h3 id="nda-title" className="text-lg font-semibold text-stone-900">
        {t("ndaTitle")}
      </h3>
      <p id="nda-text" className="max-w-3xl text-stone-800">
        {t("ndaText")}
      </p>
      <p className="text-sm text-stone-600">{t("ndaVersion", { version: ndaVersion })}</p>
      <form action={formAction} aria-labelledby="nda-title" className="flex flex-col gap-4">
        <FormErrorSummary state={state} />
        {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
        <input type="hidden" name="jobId" value={jobId} />
        <div className="flex items-start gap-3">
          <input
            id="nda-accept"
            name="accept"
            type="checkbox"
            value="1"
            required
            aria-describedby="nda-text"
            className="mt-0.5 size-5 shrink-0 rounded border-stone-400 accent-brand-700"
          />
          <label htmlFor="nda-accept" className="font-semibold text-stone-900">
            {t("ndaCheckbox")}
          </label>
        </div>
        <Button type="submit" disabled={pending} className="self-start">
          {t("ndaSubmit")}
        </Button>
      </form>
    </div>
  );
}
