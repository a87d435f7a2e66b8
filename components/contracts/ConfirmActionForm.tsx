"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

/**
 * A consequential action (accepting a bid, accepting a contract document): the person ticks a
 * labelled confirmation before the button posts. The refusal is shown beside the checkbox.
 */
export function ConfirmActionForm({
  confirmLabel,
  buttonLabel,
  hidden,
  action,
}: {
  confirmLabel: string;
  buttonLabel: string;
  hidden: Record<string, string>;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const error = useFieldError(state)("confirm");
  const id = useId();
  const formRef = useFocusFirstError(state);
  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex items-start gap-3">
        <input
          id={`${id}-confirm`}
          type="checkbox"
          name="confirm"
          value="yes"
          defaultChecked={state.values?.confirm === "yes"}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 size-5 shrink-0"
        />
        <label htmlFor={`${id}-confirm`} className="text-sm text-stone-900">
          {confirmLabel}
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="self-start">
        {buttonLabel}
      </Button>
    </form>
  );
}
