"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

/** The micro-entrepreneur ceiling for services from a year on: amount and legal source. */
export function CeilingForm({ action, defaults }: { action: (state: FormState, formData: FormData) => Promise<FormState>; defaults: { fromYear: string; amount: string; source: string } }) {
  const t = useTranslations("insights");
  const all = useTranslations();
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, defaults);
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="ceiling-form-title" className="flex max-w-3xl flex-col gap-3 rounded-md border border-stone-200 bg-white p-4">
      <h3 id="ceiling-form-title" className="font-semibold text-stone-900">
        {t("ceilingFormTitle")}
      </h3>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <div className="grid gap-3 md:grid-cols-[8rem_12rem_1fr]">
        <Field name="fromYear" label={t("ceilingFromYear")} inputMode="numeric" required defaultValue={v("fromYear")} error={error("fromYear")} />
        <Field name="amount" label={t("ceilingAmount")} inputMode="decimal" required defaultValue={v("amount")} error={error("amount")} />
        <Field name="source" label={t("ceilingSource")} required defaultValue={v("source")} error={error("source")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("ceilingSave")}
      </Button>
    </form>
  );
}
