"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { CheckboxGroup, SelectField, TextAreaField } from "./fields";
import { LegalMentionsFields } from "./LegalMentionsFields";
import { RepeatableRows } from "./RepeatableRows";

interface ProfileFormProps {
  initialValues: Record<string, string>;
  catalog: { id: string; name: string }[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** A verified profile: say before saving which fields go to our team before they take effect. */
  reviewedFieldsNotice?: boolean;
}

const count = (values: Record<string, string>, group: string) =>
  new Set(Object.keys(values).filter((k) => k.startsWith(`${group}.`)).map((k) => k.split(".")[1])).size;

export function ProfileForm({ initialValues, catalog, action, reviewedFieldsNotice = false }: ProfileFormProps) {
  const t = useTranslations("expertProfile");
  const all = useTranslations();
  const common = useTranslations("common");
  const { state, formAction, pending, formRef, onSubmit, values, v, many } = useKeptForm(action, initialValues);
  const error = useFieldError(state);
  const section = "flex flex-col gap-5 rounded-lg border border-stone-200 bg-white p-6";

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-8" noValidate>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}

      <section aria-labelledby="identity" className={section}>
        <h2 id="identity" className="text-xl font-semibold">{t("identity")}</h2>
        <Field name="displayName" label={t("displayName")} defaultValue={v("displayName")} error={error("displayName")} required />
        <Field name="headline" label={t("headline")} hint={t("headlineHint")} defaultValue={v("headline")} error={error("headline")} />
        <TextAreaField name="bio" label={t("bio")} hint={t("bioHint")} rows={8} defaultValue={v("bio")} error={error("bio")} />
      </section>

      <section aria-labelledby="services" className={section}>
        <h2 id="services" className="text-xl font-semibold">{t("services")}</h2>
        <CheckboxGroup
          name="serviceKinds"
          legend={t("serviceKinds")}
          options={(["installation", "support", "training"] as const).map((k) => ({ value: k, label: t(`kind_${k}`) }))}
          checked={many("serviceKinds")}
          error={error("serviceKinds")}
        />
        <Field name="dailyRateEuros" type="number" inputMode="numeric" min={50} max={5000} label={t("dailyRate")} hint={t("dailyRateHint")} defaultValue={v("dailyRateEuros")} error={error("dailyRateEuros")} className="max-w-xs" />
        <Field name="departments" label={t("departments")} hint={t("departmentsHint")} defaultValue={v("departments")} error={error("departments")} />
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="remoteOk" defaultChecked={v("remoteOk") === "on"} className="size-5 accent-brand-800" />
          {t("remoteOk")}
        </label>
        <CheckboxGroup
          name="languages"
          legend={t("languages")}
          options={(["fr", "en", "de", "es", "it", "pt", "nl", "ar", "br", "oc"] as const).map((code) => ({ value: code, label: t(`lang_${code}`) }))}
          checked={many("languages")}
          error={error("languages")}
        />
      </section>

      <section aria-labelledby="skills-title" className={section}>
        <h2 id="skills-title" className="text-xl font-semibold">{t("skills")}</h2>
        {error("skills") ? <Alert tone="error">{error("skills")}</Alert> : null}
        <RepeatableRows
          initialCount={count(values, "skills")}
          max={20}
          legend={t("skillsLegend")}
          addLabel={t("addSkill")}
          removeLabel={(n) => t("removeSkill", { n })}
          renderRow={(i) => (
            <>
              <SelectField name={`skills.${i}.softwareId`} label={t("software")} defaultValue={v(`skills.${i}.softwareId`)} error={error(`skills.${i}.softwareId`)} className="min-w-56 flex-1">
                <option value="">{t("chooseSoftware")}</option>
                {catalog.map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </SelectField>
              <SelectField name={`skills.${i}.level`} label={t("level")} defaultValue={v(`skills.${i}.level`) || "2"} error={error(`skills.${i}.level`)}>
                {[1, 2, 3].map((level) => (
                  <option key={level} value={level}>{t(`level_${level}`)}</option>
                ))}
              </SelectField>
              <Field name={`skills.${i}.years`} type="number" min={0} max={60} label={t("years")} defaultValue={v(`skills.${i}.years`) || "1"} error={error(`skills.${i}.years`)} className="w-28" />
            </>
          )}
        />
      </section>

      <section aria-labelledby="legal" className={section}>
        <h2 id="legal" className="text-xl font-semibold">{t("legal")}</h2>
        {reviewedFieldsNotice ? <Alert tone="warning">{t("reviewedFieldsNotice")}</Alert> : null}
        <SelectField name="legalForm" label={t("legalForm")} defaultValue={v("legalForm")} error={error("legalForm")} className="max-w-sm">
          <option value="">{t("choose")}</option>
          {(["micro_entrepreneur", "ei", "eurl", "sasu", "sarl", "sas", "other"] as const).map((form) => (
            <option key={form} value={form}>{t(`form_${form}`)}</option>
          ))}
        </SelectField>
        <Field name="siret" label="SIRET" hint={t("siretHint")} inputMode="numeric" defaultValue={v("siret")} error={error("siret")} className="max-w-sm" />
        <SelectField name="vatRegime" label={t("vatRegime")} defaultValue={v("vatRegime")} error={error("vatRegime")} className="max-w-md">
          <option value="">{t("choose")}</option>
          <option value="franchise">{t("vat_franchise")}</option>
          <option value="vat_registered">{t("vat_registered")}</option>
        </SelectField>
        <Field name="vatNumber" label={t("vatNumber")} hint={t("vatNumberHint")} defaultValue={v("vatNumber")} error={error("vatNumber")} optionalLabel={common("optional")} className="max-w-sm" />
        <div>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="vatOnDebits" aria-describedby="vatOnDebits-hint" defaultChecked={v("vatOnDebits") === "on"} className="size-5 accent-brand-800" />
            {t("vatOnDebits")}
          </label>
          <p id="vatOnDebits-hint" className="text-sm text-stone-600">{t("vatOnDebitsHint")}</p>
        </div>
        <LegalMentionsFields v={v} error={error} />
        <div className="grid gap-5 md:grid-cols-3">
          <Field name="insurer" label={t("insurer")} defaultValue={v("insurer")} error={error("insurer")} />
          <Field name="insurancePolicyNumber" label={t("policyNumber")} defaultValue={v("insurancePolicyNumber")} error={error("insurancePolicyNumber")} />
          <Field name="insuranceExpiresOn" type="date" label={t("insuranceExpiresOn")} defaultValue={v("insuranceExpiresOn")} error={error("insuranceExpiresOn")} />
        </div>
      </section>

      <section aria-labelledby="proof" className={section}>
        <h2 id="proof" className="text-xl font-semibold">{t("linksAndReferences")}</h2>
        <div className="grid gap-5 md:grid-cols-3">
          <Field name="links.website" type="url" label={t("website")} defaultValue={v("links.website")} error={error("links.website")} optionalLabel={common("optional")} />
          <Field name="links.forge" type="url" label={t("forge")} defaultValue={v("links.forge")} error={error("links.forge")} optionalLabel={common("optional")} />
          <Field name="links.contributions" type="url" label={t("contributions")} defaultValue={v("links.contributions")} error={error("links.contributions")} optionalLabel={common("optional")} />
        </div>
        {error("references") ? <Alert tone="error">{error("references")}</Alert> : null}
        <RepeatableRows
          initialCount={count(values, "references")}
          max={5}
          legend={t("references")}
          addLabel={t("addReference")}
          removeLabel={(n) => t("removeReference", { n })}
          renderRow={(i) => (
            <>
              <Field name={`references.${i}.clientType`} label={t("clientType")} defaultValue={v(`references.${i}.clientType`)} error={error(`references.${i}.clientType`)} className="min-w-48 flex-1" />
              <Field name={`references.${i}.project`} label={t("project")} defaultValue={v(`references.${i}.project`)} error={error(`references.${i}.project`)} className="min-w-64 flex-[2]" />
              <Field name={`references.${i}.year`} type="number" label={t("year")} defaultValue={v(`references.${i}.year`)} error={error(`references.${i}.year`)} className="w-28" />
            </>
          )}
        />
      </section>

      <section aria-labelledby="visibility" className={section}>
        <h2 id="visibility" className="text-xl font-semibold">{t("visibility")}</h2>
        <p className="text-sm text-stone-700">{t("visibilityHint")}</p>
        <CheckboxGroup
          name="publicFields"
          legend={t("publicFields")}
          options={(["photo", "bio", "links", "references", "languages", "legalForm"] as const).map((f) => ({ value: f, label: t(`public_${f}`) }))}
          checked={many("publicFields")}
        />
      </section>

      {reviewedFieldsNotice ? <p className="text-sm text-stone-800">{t("reviewedFieldsBeforeSave")}</p> : null}
      <Button type="submit" disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
