"use client";

import { useEffect, useState, type FormEvent, type ReactNode } from "react";
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
  /**
   * Files sent with the text (a ticket's message): the field, given the error of `files`, and
   * the check that refuses too many or too big before sending (`useFilesCheck`). A sent message
   * empties the file input too; a refused one keeps its files.
   */
  files?: { field: (error: string | undefined) => ReactNode; check: (event: FormEvent<HTMLFormElement>) => boolean; shown: (state: FormState) => FormState };
}

/**
 * One text box and a send button (a message, an answer). A refused text stays in the box with its
 * error beside it (focus moves there); a sent one empties the box and is announced politely.
 */
export function ReplyForm({ hidden, labels, action, files }: ReplyFormProps) {
  const { state: sent, formAction, pending, formRef, onSubmit } = useKeptForm(action);
  const state = files ? files.shown(sent) : sent;
  const error = useFieldError(state);
  const [body, setBody] = useState(state.status === "error" ? (state.values?.body ?? "") : "");
  // Adjusting state to a new action result during render (no effect needed).
  const [handled, setHandled] = useState(sent);
  if (handled !== sent) {
    setHandled(sent);
    if (sent.status === "success") setBody("");
  }
  const withFiles = files !== undefined;
  useEffect(() => {
    if (withFiles && sent.status === "success") formRef.current?.reset();
  }, [withFiles, sent, formRef]);
  return (
    <form ref={formRef} action={formAction} onSubmit={(event) => (files ? files.check(event) : true) && onSubmit(event)} noValidate className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      {Object.entries(hidden).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />))}
      <TextAreaField name="body" label={labels.body} hint={labels.hint} rows={5} value={body} onChange={(event) => setBody(event.target.value)} error={error("body")} />
      {files?.field(error("files"))}
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
