"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField } from "@/components/experts/fields";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { REPORT_REASONS } from "@/lib/moderation/rules";

interface ReportFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  targetType: string;
  targetId: string;
  /** Prefilled "where exactly": the page's address. */
  location: string;
  signedInEmail: string | null;
}

/** The notice form (DSA art. 16): works without JavaScript, keeps what was typed when refused. */
export function ReportForm({ action, targetType, targetId, location, signedInEmail }: ReportFormProps) {
  const t = useTranslations("moderation");
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, { location });
  const error = useFieldError(state);
  const goodFaithError = error("goodFaith");
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <FormErrorSummary state={state} />
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <SelectField name="reason" label={t("reasonLabel")} defaultValue={v("reason")} error={error("reason")} required>
        <option value="">{t("groundNone")}</option>
        {REPORT_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {t(`reason.${reason}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField name="explanation" label={t("explanationLabel")} rows={6} required maxLength={4000} defaultValue={v("explanation")} error={error("explanation")} />
      <Field name="location" label={t("locationLabel")} required maxLength={500} defaultValue={v("location")} error={error("location")} />
      {signedInEmail ? null : (
        <>
          <p className="text-sm text-stone-700">{t("identityOptional")}</p>
          <Field name="name" label={t("nameLabel")} autoComplete="name" defaultValue={v("name")} error={error("name")} />
          <Field name="email" type="email" label={t("emailLabel")} autoComplete="email" defaultValue={v("email")} error={error("email")} />
        </>
      )}
      <div className="flex flex-col gap-1">
        <div className="flex items-start gap-3">
          <input
            id="field-goodFaith"
            name="goodFaith"
            type="checkbox"
            value="on"
            defaultChecked={v("goodFaith") === "on"}
            aria-invalid={goodFaithError ? true : undefined}
            aria-describedby={goodFaithError ? "field-goodFaith-error" : undefined}
            className="mt-0.5 size-5 shrink-0 rounded border-stone-400 accent-brand-700"
          />
          <label htmlFor="field-goodFaith" className="font-semibold text-stone-900">
            {t("goodFaithLabel")}
          </label>
        </div>
        {goodFaithError ? (
          <p id="field-goodFaith-error" className="text-sm font-medium text-red-800">
            {goodFaithError}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
