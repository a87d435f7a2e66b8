"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

/** A number of minutes and a note (time logged on a ticket, a month's extra hours); emptied once recorded. */
export function MinutesForm({
  heading,
  hidden,
  labels,
  action,
}: {
  heading: string;
  hidden: Record<string, string>;
  labels: { minutes: string; note: string; submit: string; done: string };
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action);
  const error = useFieldError(state);
  // Once recorded, the fields empty for the next entry (a refused one keeps what was typed).
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state, formRef]);
  const id = `minutes-${Object.values(hidden).join("-")}`;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold text-stone-900">
        {heading}
      </h2>
      <FormErrorSummary state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field name="minutes" id={`${id}-minutes`} label={labels.minutes} inputMode="numeric" defaultValue={v("minutes")} error={error("minutes")} />
      <Field name="note" id={`${id}-note`} label={labels.note} defaultValue={v("note")} error={error("note")} maxLength={500} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {labels.submit}
        </Button>
        <p role="status" aria-live="polite" className="text-sm font-medium text-green-900">
          {state.status === "success" ? labels.done : ""}
        </p>
      </div>
    </form>
  );
}
