"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import { SelectField, TextAreaField } from "@/components/experts/fields";
import { RadioCards } from "./ChoiceCards";
import { PersonalDataFields } from "./PersonalDataFields";
import { TrainingNeedFields } from "./TrainingNeedFields";

export interface StepFieldsProps {
  step: number;
  /** The need's kind: a training need asks its training fields at step 5. */
  kind?: string | null;
  v: (name: string) => string;
  many: (name: string) => string[];
  error: (name: string) => string | undefined;
  catalog: { id: string; name: string; category: string }[];
  departements: { code: string; name: string }[];
}

/** The fields of one wizard step; every step is a plain form that works without JavaScript. */
export function JobStepFields({ step, kind, v, many, error, catalog, departements }: StepFieldsProps) {
  const t = useTranslations("jobWizard");
  const common = useTranslations("common");
  switch (step) {
    case 1:
      return (
        <RadioCards
          name="kind"
          legend={t("kindLegend")}
          checked={v("kind")}
          error={error("kind")}
          options={(["installation", "support_one_off", "support_monthly", "training"] as const).map((k) => ({ value: k, label: t(`kind_${k}`), hint: t(`kindHint_${k}`) }))}
        />
      );
    case 2: {
      const categories = [...new Set(catalog.map((s) => s.category))];
      const chosen = many("softwareIds");
      return (
        <div className="flex flex-col gap-6">
          <fieldset aria-describedby={error("softwareIds") ? "softwareIds-error" : undefined}>
            <legend className="text-lg font-semibold">{t("softwareLegend")}</legend>
            <p className="mt-1 text-sm text-stone-700">{t("softwareHint")}</p>
            {error("softwareIds") ? <p id="softwareIds-error" className="mt-2 text-sm font-medium text-red-800">{error("softwareIds")}</p> : null}
            <div className="mt-3 grid gap-4 md:grid-cols-3">
              {categories.map((category) => (
                <div key={category}>
                  <p className="text-sm font-semibold text-stone-700">{t(`category_${category}` as "category_office")}</p>
                  {catalog.filter((s) => s.category === category).map((s) => (
                    <label key={s.id} className="flex min-h-9 items-center gap-2 text-sm">
                      <input type="checkbox" name="softwareIds" value={s.id} defaultChecked={chosen.includes(s.id)} className="size-4 accent-brand-800" />
                      {s.name}
                    </label>
                  ))}
                </div>
              ))}
            </div>
          </fieldset>
          <fieldset className="flex flex-col gap-4 rounded-lg bg-brand-50 p-4">
            <legend className="sr-only">{t("helpLegend")}</legend>
            <label className="flex min-h-11 items-center gap-2 font-semibold">
              <input type="checkbox" name="helpMeChoose" defaultChecked={v("helpMeChoose") === "on"} className="size-5 accent-brand-800" />
              {t("helpMeChoose")}
            </label>
            <p className="text-sm text-stone-700">{t("helpHint")}</p>
            <div className="grid gap-4 md:grid-cols-2">
              <Field name="users" type="number" min={1} label={t("users")} defaultValue={v("users")} error={error("users")} optionalLabel={common("optional")} />
              <Field name="sites" type="number" min={1} label={t("sites")} defaultValue={v("sites")} error={error("sites")} optionalLabel={common("optional")} />
            </div>
            <TextAreaField name="existing" label={t("existing")} hint={t("existingHint")} rows={3} defaultValue={v("existing")} error={error("existing")} />
            <RadioCards
              name="hosting"
              legend={t("hostingLegend")}
              checked={v("hosting")}
              error={error("hosting")}
              options={(["vps", "dedicated", "on_premises", "not_sure"] as const).map((h) => ({ value: h, label: t(`hosting_${h}`), hint: t(`hostingHint_${h}`) }))}
            />
          </fieldset>
        </div>
      );
    }
    case 3:
      return <PersonalDataFields v={v} many={many} error={error} />;
    case 4:
      return (
        <div className="flex flex-col gap-6">
          <RadioCards
            name="budgetType"
            legend={t("budgetLegend")}
            checked={v("budgetType")}
            error={error("budgetType")}
            options={[
              { value: "fixed", label: t("budgetFixed"), hint: t("budgetFixedHint") },
              { value: "daily", label: t("budgetDaily"), hint: t("budgetDailyHint") },
            ]}
          />
          <div className="grid gap-4 md:grid-cols-3">
            <Field name="budgetMinEuros" type="number" min={50} label={t("budgetMin")} defaultValue={v("budgetMinEuros")} error={error("budgetMinEuros")} optionalLabel={common("optional")} />
            <Field name="budgetMaxEuros" type="number" min={50} label={t("budgetMax")} hint={t("budgetMaxHint")} defaultValue={v("budgetMaxEuros")} error={error("budgetMaxEuros")} />
            <Field name="dailyRateCapEuros" type="number" min={50} label={t("dailyRateCap")} hint={t("dailyRateCapHint")} defaultValue={v("dailyRateCapEuros")} error={error("dailyRateCapEuros")} />
          </div>
        </div>
      );
    case 5:
      return (
        <div className="flex flex-col gap-5">
          <div className="grid gap-4 md:grid-cols-2">
            <Field name="startOn" type="date" label={t("startOn")} defaultValue={v("startOn")} error={error("startOn")} optionalLabel={common("optional")} />
            <Field name="deadlineOn" type="date" label={t("deadlineOn")} defaultValue={v("deadlineOn")} error={error("deadlineOn")} optionalLabel={common("optional")} />
          </div>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="remote" defaultChecked={v("remote") === "on"} className="size-5 accent-brand-800" />
            {t("remote")}
          </label>
          <SelectField name="departement" label={t("departement")} hint={t("departementHint")} defaultValue={v("departement")} error={error("departement")} className="max-w-md">
            <option value="">{t("noDepartement")}</option>
            {departements.map((d) => (
              <option key={d.code} value={d.code}>{`${d.code} — ${d.name}`}</option>
            ))}
          </SelectField>
          {kind === "training" ? <TrainingNeedFields v={v} error={error} /> : null}
        </div>
      );
    default:
      return (
        <div className="flex flex-col gap-5">
          <Field name="title" label={t("title")} hint={t("titleHint")} defaultValue={v("title")} error={error("title")} />
          <TextAreaField name="description" label={t("description")} hint={t("descriptionHint")} rows={8} defaultValue={v("description")} error={error("description")} />
          <TextAreaField name="confidentialDetails" label={t("confidential")} hint={t("confidentialHint")} rows={5} defaultValue={v("confidentialDetails")} error={error("confidentialDetails")} />
        </div>
      );
  }
}
