"use client";

import { useTranslations } from "next-intl";
import { useActionState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface JobActionFormProps {
  jobId: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Translated button text. */
  label: string;
  /** Translated explanation shown under the button (and read with it). */
  hint: string;
  /** Translated question asked before a final move (with JavaScript; without it the form submits at once). */
  confirm: string;
  variant: "secondary" | "danger";
  /** Unique id prefix within the page. */
  idPrefix: string;
}

/** A one-button server-action form for a job owner (close, cancel), with its refusal message. */
export function JobActionForm({ jobId, action, label, hint, confirm, variant, idPrefix }: JobActionFormProps) {
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!window.confirm(confirm)) event.preventDefault();
  };
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-2">
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <input type="hidden" name="jobId" value={jobId} />
      <Button type="submit" variant={variant} disabled={pending} aria-describedby={`${idPrefix}-hint`} className="self-start">
        {label}
      </Button>
      <p id={`${idPrefix}-hint`} className="max-w-xl text-sm text-stone-700">
        {hint}
      </p>
    </form>
  );
}
