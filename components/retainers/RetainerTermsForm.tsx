"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { TextAreaField } from "@/components/experts/fields";

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const severities = ["Critical", "High", "Normal", "Low"] as const;

/**
 * The expert's service level for a bid on a monthly support need: fee, hours included, extra
 * hour, response targets per severity, what is covered, working hours, minimum term and notice.
 */
export function RetainerTermsForm({
  jobId,
  bidId,
  initial,
  action,
}: {
  jobId: string;
  bidId: string;
  initial: Record<string, string>;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("retainers");
  const all = useTranslations();
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, initial);
  const error = useFieldError(state);
  const daysError = error("workingDays");
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="bidId" value={bidId} />
      <div className="grid gap-4 md:grid-cols-3">
        <Field name="monthlyFee" inputMode="decimal" label={t("monthlyFee")} hint={t("monthlyFeeHint")} defaultValue={v("monthlyFee")} error={error("monthlyFee")} />
        <Field name="hoursIncluded" type="number" inputMode="numeric" min={0} max={200} label={t("hoursIncluded")} defaultValue={v("hoursIncluded")} error={error("hoursIncluded")} />
        <Field name="extraHour" inputMode="decimal" label={t("extraHour")} defaultValue={v("extraHour")} error={error("extraHour")} />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-semibold text-stone-900">{t("responseTargets")}</legend>
        <p className="text-sm text-stone-600">{t("responseTargetsHint")}</p>
        <div className="grid gap-4 md:grid-cols-4">
          {severities.map((s) => (
            <Field
              key={s}
              name={`response${s}`}
              type="number"
              inputMode="numeric"
              min={1}
              max={400}
              label={t(`responseLabel_${s.toLowerCase() as "critical"}`)}
              defaultValue={v(`response${s}`)}
              error={error(`response${s}`)}
            />
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <TextAreaField name="coveredSoftware" label={t("coveredSoftware")} hint={t("coveredHint")} rows={4} defaultValue={v("coveredSoftware")} error={error("coveredSoftware")} />
        <TextAreaField name="coveredHosts" label={t("coveredHosts")} hint={t("coveredHint")} rows={4} defaultValue={v("coveredHosts")} error={error("coveredHosts")} />
      </div>
      <fieldset className="flex flex-col gap-3" aria-describedby={daysError ? "retainer-days-error" : undefined}>
        <legend className="text-sm font-semibold text-stone-900">{t("workingHours")}</legend>
        {daysError ? (
          <p id="retainer-days-error" className="text-sm font-medium text-red-800">
            {daysError}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {weekdays.map((d) => (
            <div key={d} className="flex min-h-11 items-center gap-2">
              <input id={`retainer-day-${d}`} type="checkbox" name={`day_${d}`} value="yes" defaultChecked={v(`day_${d}`) === "yes"} className="size-5" />
              <label htmlFor={`retainer-day-${d}`} className="text-sm text-stone-900">
                {t(`weekday_${d}`)}
              </label>
            </div>
          ))}
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Field name="workStart" type="time" label={t("workStart")} defaultValue={v("workStart")} error={error("workStart")} />
          <Field name="workEnd" type="time" label={t("workEnd")} defaultValue={v("workEnd")} error={error("workEnd")} />
        </div>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="minimumTermMonths" type="number" inputMode="numeric" min={1} max={36} label={t("minimumTermMonths")} defaultValue={v("minimumTermMonths")} error={error("minimumTermMonths")} />
        <Field name="noticeDays" type="number" inputMode="numeric" min={0} max={180} label={t("noticeDays")} defaultValue={v("noticeDays")} error={error("noticeDays")} />
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("saving") : t("saveTerms")}
      </Button>
    </form>
  );
}
