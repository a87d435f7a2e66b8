"use client";

import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { TextAreaField } from "@/components/ui/TextAreaField";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

/** The client refuses a month's extra hours with a reason (required); what was typed is kept on a refusal. */
export function RefuseExtraHoursForm({
  hidden,
  labels,
  action,
}: {
  hidden: Record<string, string>;
  labels: { heading: string; hint: string; reason: string; submit: string };
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action);
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-labelledby="refuse-extra-heading">
      <h2 id="refuse-extra-heading" className="text-lg font-semibold text-stone-900">
        {labels.heading}
      </h2>
      <p className="text-sm text-stone-700">{labels.hint}</p>
      <FormErrorSummary state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextAreaField name="reason" label={labels.reason} defaultValue={v("reason")} error={error("reason")} maxLength={2000} rows={4} />
      <Button type="submit" disabled={pending} className="self-start">
        {labels.submit}
      </Button>
    </form>
  );
}
