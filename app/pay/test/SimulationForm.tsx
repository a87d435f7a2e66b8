"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

export interface SimulationButton {
  /** Sent as `intent`. */
  intent: string;
  /** Translated text. */
  label: string;
  variant?: "primary" | "secondary" | "danger";
}

/**
 * One form of test-mode simulation buttons (pay, decline, settle…) posting to a server action,
 * with its refusal or notice announced above the buttons.
 */
export function SimulationForm({
  legend,
  hint,
  hidden,
  buttons,
  action,
}: {
  legend: string;
  hint?: string;
  hidden: Record<string, string>;
  buttons: SimulationButton[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  const hintId = useId();
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="flex flex-col gap-3" aria-describedby={hint ? hintId : undefined}>
        <legend className="mb-2 font-semibold">{legend}</legend>
        {hint ? (
          <p id={hintId} className="max-w-xl text-sm text-stone-700">
            {hint}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          {buttons.map((button) => (
            <Button key={button.intent} type="submit" name="intent" value={button.intent} variant={button.variant ?? "primary"} disabled={pending}>
              {button.label}
            </Button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
