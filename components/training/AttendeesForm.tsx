"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

/** The client lists attendees, one a line ("Léa Dubois, lea@example.org"); the text is kept on a refusal. */
export function AttendeesForm({ contractId, places, action }: { contractId: string; places: number; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("training");
  const all = useTranslations();
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action);
  const error = useFieldError(state);
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state, formRef]);
  const message = error("attendees");
  const line = state.values?.line;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never, state.notice.values as never)}</Alert> : null}
      <input type="hidden" name="contractId" value={contractId} />
      <label htmlFor="training-attendees" className="text-sm font-semibold">
        {t("attendeesLabel")}
      </label>
      <p id="training-attendees-hint" className="text-sm text-stone-600">
        {t("attendeesHint", { places })}
      </p>
      <textarea
        id="training-attendees"
        name="attendees"
        rows={4}
        defaultValue={v("attendees")}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? "training-attendees-hint training-attendees-error" : "training-attendees-hint"}
        className={`min-h-11 rounded-md border bg-white px-3 py-2 text-base text-stone-900 ${message ? "border-red-700" : "border-stone-400"}`}
      />
      {message ? (
        <p id="training-attendees-error" className="text-sm font-medium text-red-800">
          {line ? `${t("line", { n: line })} ${message}` : message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="self-start">
        {t("addAttendees")}
      </Button>
    </form>
  );
}
