"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { accessKinds } from "@/components/handover/access-kinds";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

/** Either party records an access: its kind, where it is, who holds it, since when. Never the secret. */
export function AccessForm({ contractId, today, action }: { contractId: string; today: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("handover");
  const all = useTranslations();
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action);
  const error = useFieldError(state);
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state, formRef]);
  const kindError = error("kind");
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-labelledby="access-form-heading">
      <h3 id="access-form-heading" className="text-lg font-semibold">
        {t("recordHeading")}
      </h3>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <input type="hidden" name="contractId" value={contractId} />
      <div className="flex flex-col gap-1">
        <label htmlFor="access-kind" className="text-sm font-semibold">
          {t("kind")}
        </label>
        <select
          id="access-kind"
          name="kind"
          defaultValue={v("kind") || "host"}
          key={v("kind")}
          aria-invalid={kindError ? true : undefined}
          aria-describedby={kindError ? "access-kind-error" : undefined}
          className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
        >
          {accessKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind_${kind}`)}
            </option>
          ))}
        </select>
        {kindError ? (
          <p id="access-kind-error" className="text-sm font-medium text-red-800">
            {kindError}
          </p>
        ) : null}
      </div>
      <Field id="access-label" name="label" label={t("label")} hint={t("labelHint")} maxLength={300} defaultValue={v("label")} error={error("label")} autoComplete="off" />
      <Field id="access-holder" name="holder" label={t("holder")} hint={t("holderHint")} maxLength={200} defaultValue={v("holder")} error={error("holder")} autoComplete="off" />
      <Field id="access-since" name="since" type="date" max={today} label={t("since")} defaultValue={v("since") || today} error={error("since")} className="max-w-xs" />
      <Button type="submit" disabled={pending} className="self-start">
        {t("record")}
      </Button>
    </form>
  );
}
