"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import { SelectField, TextAreaField } from "@/components/experts/fields";
import type { DataCategory, DataSubject } from "@/db/schema";
import { TrainingNeedFields } from "./TrainingNeedFields";

// The schema's values, repeated so the client bundle stays free of database code; `satisfies`
// fails to compile when a value is missing or unknown. Object keys keep this order.
const subjectSet = { employees: true, customers: true, prospects: true, suppliers: true, patients: true, students: true, members: true } satisfies Record<DataSubject, true>;
const categorySet = { identity: true, contact: true, financial: true, hr: true, health: true, technical: true, documents: true } satisfies Record<DataCategory, true>;
const dataSubjects = Object.keys(subjectSet) as DataSubject[];
const dataCategories = Object.keys(categorySet) as DataCategory[];

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

function RadioCards({ name, options, checked, legend, error }: { name: string; legend: string; checked: string; error?: string; options: { value: string; label: string; hint?: string }[] }) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-lg font-semibold">{legend}</legend>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex cursor-pointer gap-3 rounded-lg border-2 border-stone-300 bg-white p-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
            <input type="radio" name={name} value={o.value} defaultChecked={checked === o.value} className="mt-1 size-5 accent-brand-800" />
            <span>
              <span className="block font-semibold">{o.label}</span>
              {o.hint ? <span className="mt-1 block text-sm text-stone-700">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? <p id={`${name}-error`} className="mt-2 text-sm font-medium text-red-800">{error}</p> : null}
    </fieldset>
  );
}

/** A group of checkbox cards; each box is named by its title and described by its hint. */
function CheckboxCards({ name, legend, hint, options, checked, error }: { name: string; legend: string; hint: string; checked: string[]; error?: string; options: { value: string; label: string; hint: string }[] }) {
  return (
    <fieldset aria-describedby={[`${name}-hint`, error ? `${name}-error` : null].filter(Boolean).join(" ")}>
      <legend className="font-semibold">{legend}</legend>
      <p id={`${name}-hint`} className="mt-1 text-sm text-stone-700">{hint}</p>
      {error ? <p id={`${name}-error`} className="mt-2 text-sm font-medium text-red-800">{error}</p> : null}
      <div className="mt-3 grid gap-2 md:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex cursor-pointer gap-3 rounded-lg border border-stone-300 bg-white p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
              aria-labelledby={`${name}-${o.value}-label`}
              aria-describedby={`${name}-${o.value}-hint`}
              aria-invalid={error ? true : undefined}
              className="mt-1 size-5 shrink-0 accent-brand-800"
            />
            <span>
              <span id={`${name}-${o.value}-label`} className="block font-medium">{o.label}</span>
              <span id={`${name}-${o.value}-hint`} className="block text-sm text-stone-700">{o.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
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
      // The details follow the yes/no question. Where CSS `:has` works (with or without
      // JavaScript), they hide while "yes" is not selected; elsewhere they simply stay visible.
      return (
        <div className="group/personal flex flex-col gap-6">
          <RadioCards
            name="personalData"
            legend={t("personalDataLegend")}
            checked={v("personalData")}
            error={error("personalData")}
            options={[
              { value: "yes", label: t("personalDataYes"), hint: t("personalDataYesHint") },
              { value: "no", label: t("personalDataNo"), hint: t("personalDataNoHint") },
            ]}
          />
          <div className="flex flex-col gap-6 rounded-lg bg-brand-50 p-4 group-has-[input[name=personalData][value=yes]:not(:checked)]/personal:hidden">
            <p className="text-sm text-stone-800">{t("dataDetailsIntro")}</p>
            <CheckboxCards
              name="dataSubjects"
              legend={t("dataSubjectsLegend")}
              hint={t("dataSubjectsHint")}
              checked={many("dataSubjects")}
              error={error("dataSubjects")}
              options={dataSubjects.map((d) => ({ value: d, label: t(`dataSubject_${d}`), hint: t(`dataSubjectHint_${d}`) }))}
            />
            <CheckboxCards
              name="dataCategories"
              legend={t("dataCategoriesLegend")}
              hint={t("dataCategoriesHint")}
              checked={many("dataCategories")}
              error={error("dataCategories")}
              options={dataCategories.map((d) => ({ value: d, label: t(`dataCategory_${d}`), hint: t(`dataCategoryHint_${d}`) }))}
            />
          </div>
        </div>
      );
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
