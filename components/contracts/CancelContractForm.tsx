"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

/**
 * Admins only: cancel the contract with a reason (sent to both sides) and a ticked
 * confirmation. The reason and the tick are kept when the cancellation is refused.
 */
export function CancelContractForm({ contractId, action }: { contractId: string; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const t = useTranslations("contractsAdmin");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const error = useFieldError(state);
  const id = useId();
  const reasonError = error("reason");
  const confirmError = error("confirm");
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3 rounded-lg border border-red-200 bg-white p-6">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {t("cancelHeading")}
      </h2>
      <p className="max-w-3xl text-sm text-stone-700">{t("cancelLead")}</p>
      <form ref={formRef} action={formAction} className="flex flex-col gap-4" noValidate>
        <FormErrorSummary state={state} />
        <input type="hidden" name="contractId" value={contractId} />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-reason`} className="text-sm font-semibold">
            {t("cancelReason")}
          </label>
          <p id={`${id}-reason-hint`} className="text-sm text-stone-600">
            {t("cancelReasonHint")}
          </p>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={4}
            required
            minLength={10}
            maxLength={2000}
            defaultValue={state.values?.reason ?? ""}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={[`${id}-reason-hint`, reasonError ? `${id}-reason-error` : null].filter(Boolean).join(" ")}
            className={`min-h-11 rounded-md border bg-white px-3 py-2 text-base text-stone-900 ${reasonError ? "border-red-700" : "border-stone-400"}`}
          />
          {reasonError ? (
            <p id={`${id}-reason-error`} className="text-sm font-medium text-red-800">
              {reasonError}
            </p>
          ) : null}
        </div>
        <div className="flex items-start gap-3">
          <input
            id={`${id}-confirm`}
            type="checkbox"
            name="confirm"
            value="yes"
            defaultChecked={state.values?.confirm === "yes"}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? `${id}-confirm-error` : undefined}
            className="mt-1 size-5 shrink-0"
          />
          <label htmlFor={`${id}-confirm`} className="text-sm text-stone-900">
            {t("cancelConfirm")}
          </label>
        </div>
        {confirmError ? (
          <p id={`${id}-confirm-error`} className="text-sm font-medium text-red-800">
            {confirmError}
          </p>
        ) : null}
        <Button type="submit" variant="danger" disabled={pending} className="self-start">
          {t("cancelButton")}
        </Button>
      </form>
    </section>
  );
}
