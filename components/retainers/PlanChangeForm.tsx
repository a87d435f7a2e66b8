"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

/** A new plan proposed to the other side: monthly fee, hours included, extra hour price (the current ones to start from). */
export function PlanChangeForm({
  contractId,
  defaults,
  action,
}: {
  contractId: string;
  defaults: { monthlyFee: string; hoursIncluded: string; extraHour: string };
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("retainerPlan");
  const all = useTranslations();
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, defaults);
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="plan-form-heading" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="plan-form-heading" className="text-xl font-semibold text-stone-900">
        {t("formHeading")}
      </h2>
      <p className="text-sm text-stone-700">{t("formHint")}</p>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <input type="hidden" name="contractId" value={contractId} />
      <div className="grid gap-3 md:grid-cols-3">
        <Field id="plan-monthlyFee" name="monthlyFee" label={t("monthlyFeeLabel")} inputMode="decimal" required defaultValue={v("monthlyFee")} error={error("monthlyFee")} />
        <Field id="plan-hoursIncluded" name="hoursIncluded" label={t("hoursIncludedLabel")} inputMode="numeric" required defaultValue={v("hoursIncluded")} error={error("hoursIncluded")} />
        <Field id="plan-extraHour" name="extraHour" label={t("extraHourLabel")} inputMode="decimal" required defaultValue={v("extraHour")} error={error("extraHour")} />
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {t("propose")}
      </Button>
    </form>
  );
}
