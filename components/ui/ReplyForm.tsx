"use client";

import { useState } from "react";
import { TextAreaField } from "@/components/experts/fields";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

interface ReplyFormProps {
  /** Hidden fields naming what is answered (a bid, a thread, a link's key). */
  hidden: Record<string, string | undefined>;
  labels: { body: string; hint: string; send: string; sent: string };
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}

/**
 * One text box and a send button (a message, an answer). A refused text stays in the box with its
 * error beside it (focus moves there); a sent one empties the box and is announced politely.
 */
export function ReplyForm({ hidden, labels, action }: ReplyFormProps) {
  const { state, formAction, pending, formRef, onSubmit } = useKeptForm(action);
  const error = useFieldError(state);
  const [body, setBody] = useState(state.status === "error" ? (state.values?.body ?? "") : "");
  // Adjusting state to a new action result during render (no effect needed).
  const [handled, setHandled] = useState(state);
  if (handled !== state) {
    setHandled(state);
    if (state.status === "success") setBody("");
  }
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      {Object.entries(hidden).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />))}
      <TextAreaField name="body" label={labels.body} hint={labels.hint} rows={5} value={body} onChange={(event) => setBody(event.target.value)} error={error("body")} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {labels.send}
        </Button>
        <p role="status" aria-live="polite" className="text-sm font-medium text-green-900">
          {state.status === "success" ? labels.sent : ""}
        </p>
      </div>
    </form>
  );
}
