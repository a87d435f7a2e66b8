"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import { SelectField, TextAreaField } from "@/components/experts/fields";

const formats = ["on_site", "remote", "mixed"] as const;

/**
 * The training part of step 5 for a "formation" need: objectives, the attendees' level, hours,
 * format, number of attendees, the wished dates, and whether a Qualiopi-certified organisation is
 * needed (for OPCO funding). The experts' bid forms start from these answers.
 */
export function TrainingNeedFields({ v, error }: { v: (name: string) => string; error: (name: string) => string | undefined }) {
  const t = useTranslations("jobWizard");
  const qualiopiError = error("trainingQualiopi");
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-brand-100 bg-brand-50 p-4">
      <legend className="px-1 text-lg font-semibold">{t("trainingLegend")}</legend>
      <TextAreaField name="trainingObjectives" label={t("trainingObjectives")} hint={t("trainingObjectivesHint")} rows={3} defaultValue={v("trainingObjectives")} error={error("trainingObjectives")} />
      <TextAreaField name="trainingLevel" label={t("trainingLevel")} hint={t("trainingLevelHint")} rows={2} defaultValue={v("trainingLevel")} error={error("trainingLevel")} />
      <div className="grid gap-4 md:grid-cols-3">
        <Field name="trainingHours" type="number" inputMode="numeric" min={1} max={400} label={t("trainingHours")} defaultValue={v("trainingHours")} error={error("trainingHours")} />
        <SelectField name="trainingFormat" label={t("trainingFormat")} defaultValue={v("trainingFormat") || "on_site"} error={error("trainingFormat")}>
          {formats.map((f) => (
            <option key={f} value={f}>
              {t(`trainingFormat_${f}`)}
            </option>
          ))}
        </SelectField>
        <Field name="trainingAttendees" type="number" inputMode="numeric" min={1} max={30} label={t("trainingAttendees")} defaultValue={v("trainingAttendees")} error={error("trainingAttendees")} />
      </div>
      <Field name="trainingPeriod" label={t("trainingPeriod")} hint={t("trainingPeriodHint")} defaultValue={v("trainingPeriod")} error={error("trainingPeriod")} />
      <fieldset aria-describedby={["trainingQualiopi-hint", qualiopiError ? "trainingQualiopi-error" : null].filter(Boolean).join(" ")}>
        <legend className="text-sm font-semibold text-stone-900">{t("trainingQualiopi")}</legend>
        <p id="trainingQualiopi-hint" className="text-sm text-stone-600">
          {t("trainingQualiopiHint")}
        </p>
        {qualiopiError ? (
          <p id="trainingQualiopi-error" className="text-sm font-medium text-red-800">
            {qualiopiError}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-4">
          {(["yes", "no"] as const).map((answer) => (
            <label key={answer} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="trainingQualiopi" value={answer} defaultChecked={v("trainingQualiopi") === answer} className="size-5 accent-brand-800" />
              {t(`trainingQualiopi_${answer}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}
