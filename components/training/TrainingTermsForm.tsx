"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { SelectField, TextAreaField } from "@/components/experts/fields";

const formats = ["on_site", "remote", "mixed"] as const;
const slots = ["full_day", "morning", "afternoon"] as const;

/**
 * The expert's training terms for a bid: program, hours, format, places, sessions (one payment
 * each), price per session or per person, Qualiopi and the activity declaration number.
 */
export function TrainingTermsForm({
  jobId,
  bidId,
  initial,
  sessionRows,
  action,
}: {
  jobId: string;
  bidId: string;
  initial: Record<string, string>;
  sessionRows: number;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("training");
  const all = useTranslations();
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, initial);
  const error = useFieldError(state);
  const sessionsKey = Object.keys(state.fieldErrors ?? {}).find((k) => k.startsWith("sessions"));
  const sessionsError = sessionsKey ? error(sessionsKey) : undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="bidId" value={bidId} />
      <TextAreaField name="objectives" label={t("objectives")} hint={t("objectivesHint")} rows={3} defaultValue={v("objectives")} error={error("objectives")} />
      <TextAreaField name="prerequisites" label={t("prerequisites")} rows={2} defaultValue={v("prerequisites")} error={error("prerequisites")} />
      <TextAreaField name="outline" label={t("outline")} hint={t("outlineHint")} rows={5} defaultValue={v("outline")} error={error("outline")} />
      <div className="grid gap-4 md:grid-cols-3">
        <Field name="durationHours" type="number" inputMode="numeric" min={1} max={400} label={t("durationHours")} defaultValue={v("durationHours")} error={error("durationHours")} />
        <SelectField name="format" label={t("format")} defaultValue={v("format") || "on_site"} error={error("format")}>
          {formats.map((f) => (
            <option key={f} value={f}>
              {t(`format_${f}`)}
            </option>
          ))}
        </SelectField>
        <Field name="attendeesCount" type="number" inputMode="numeric" min={1} max={30} label={t("attendeesCount")} defaultValue={v("attendeesCount")} error={error("attendeesCount")} />
      </div>
      <fieldset className="flex flex-col gap-3" aria-describedby={sessionsError ? "training-sessions-error" : "training-sessions-hint"}>
        <legend className="text-sm font-semibold text-stone-900">{t("sessions")}</legend>
        <p id="training-sessions-hint" className="text-sm text-stone-600">
          {t("sessionsHint")}
        </p>
        {sessionsError ? (
          <p id="training-sessions-error" className="text-sm font-medium text-red-800">
            {sessionsError}
          </p>
        ) : null}
        {Array.from({ length: sessionRows }, (_, i) => (
          <div key={i} className="grid gap-3 md:grid-cols-2">
            <Field name={`session_${i}_date`} type="date" label={t("sessionDate", { n: i + 1 })} defaultValue={v(`session_${i}_date`)} />
            <SelectField name={`session_${i}_slot`} label={t("sessionSlot", { n: i + 1 })} defaultValue={v(`session_${i}_slot`) || "full_day"}>
              {slots.map((s) => (
                <option key={s} value={s}>
                  {t(`slot_${s}`)}
                </option>
              ))}
            </SelectField>
          </div>
        ))}
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField name="priceBasis" label={t("priceBasis")} defaultValue={v("priceBasis") || "per_session"} error={error("priceBasis")}>
          <option value="per_session">{t("priceBasis_per_session")}</option>
          <option value="per_person">{t("priceBasis_per_person")}</option>
        </SelectField>
        <Field name="unitPrice" inputMode="decimal" label={t("unitPrice")} hint={t("unitPriceHint")} defaultValue={v("unitPrice")} error={error("unitPrice")} />
      </div>
      <Field
        name="activityDeclarationNumber"
        inputMode="numeric"
        label={t("activityDeclarationNumber")}
        hint={t("activityDeclarationNumberHint")}
        defaultValue={v("activityDeclarationNumber")}
        error={error("activityDeclarationNumber")}
      />
      <div className="flex flex-col gap-1">
        <div className="flex items-start gap-3">
          <input
            id="training-qualiopi"
            type="checkbox"
            name="qualiopiCertified"
            value="yes"
            defaultChecked={v("qualiopiCertified") === "yes"}
            aria-invalid={error("qualiopiCertified") ? true : undefined}
            aria-describedby={error("qualiopiCertified") ? "training-qualiopi-error" : "training-qualiopi-hint"}
            className="mt-1 size-5 shrink-0"
          />
          <label htmlFor="training-qualiopi" className="text-sm text-stone-900">
            {t("qualiopiCertified")}
          </label>
        </div>
        <p id="training-qualiopi-hint" className="text-sm text-stone-600">
          {t("qualiopiHint")}
        </p>
        {error("qualiopiCertified") ? (
          <p id="training-qualiopi-error" className="text-sm font-medium text-red-800">
            {error("qualiopiCertified")}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("saving") : t("saveTerms")}
      </Button>
    </form>
  );
}
