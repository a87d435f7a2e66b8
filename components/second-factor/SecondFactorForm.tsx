"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";
import { RecoveryCodes } from "./RecoveryCodes";

/** A form state that may carry fresh recovery codes, shown once. */
export type CodesFormState = FormState & { recoveryCodes?: string[] };

export interface CodeFieldSpec {
  name: string;
  label: string;
  hint?: string;
  /** An authenticator code: digits keyboard and the browser's one-time-code autofill. */
  numeric?: boolean;
}

interface SecondFactorFormProps {
  /** Prefix of the field ids, when several forms share a page. */
  id: string;
  action: (state: CodesFormState, formData: FormData) => Promise<CodesFormState>;
  fields: CodeFieldSpec[];
  submitLabel: string;
  hidden?: Record<string, string>;
  /** Where to go once recovery codes are shown. */
  done?: { href: string; label: string };
}

/** One or two code fields and a button; codes are never echoed back (they expire anyway). */
export function SecondFactorForm({ id, action, fields, submitLabel, hidden = {}, done }: SecondFactorFormProps) {
  const [state, formAction, pending] = useActionState<CodesFormState, FormData>(action, idleState);
  const formRef = useFocusFirstError(state);
  const fieldError = useFieldError(state);
  if (state.status === "success" && state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} done={done} />;
  return (
    <form ref={formRef} action={formAction} className="flex max-w-md flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => (
        <Field
          key={field.name}
          id={`${id}-${field.name}`}
          name={field.name}
          label={field.label}
          hint={field.hint}
          required
          error={fieldError(field.name)}
          autoComplete={field.numeric ? "one-time-code" : "off"}
          {...(field.numeric ? { inputMode: "numeric" as const, maxLength: 7 } : { autoCapitalize: "none", spellCheck: false, maxLength: 40 })}
          className="max-w-xs"
        />
      ))}
      <Button type="submit" disabled={pending} className="self-start">
        {submitLabel}
      </Button>
    </form>
  );
}
