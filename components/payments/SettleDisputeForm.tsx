"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/experts/fields";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { useFocusRadioError } from "./useFocusRadioError";
import { idleState, type FormState } from "@/lib/actions/form-state";

const OUTCOMES = ["release", "refund", "split"] as const;

/**
 * The settlement: release everything to the expert, refund the client in full, or split (the
 * refund in euros, the rest released with the commission on it only); a note both sides receive.
 */
export function SettleDisputeForm({
  disputeId,
  amount,
  action,
}: {
  disputeId: string;
  /** The milestone's amount, formatted, for the split hint. */
  amount: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("adminPayments");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  useFocusRadioError(state, formRef, "outcome");
  const error = useFieldError(state);
  const outcomeError = error("outcome");
  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="disputeId" value={disputeId} />
      <fieldset>
        <legend className="text-sm font-semibold">{t("outcome")}</legend>
        <div className="mt-2 flex flex-col gap-1">
          {OUTCOMES.map((outcome) => (
            <label key={outcome} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="radio"
                name="outcome"
                value={outcome}
                defaultChecked={state.values?.outcome === outcome}
                aria-describedby={outcomeError ? "settle-outcome-error" : undefined}
                className="size-5 accent-brand-800"
              />
              {t(`outcome_${outcome}`)}
            </label>
          ))}
        </div>
        {outcomeError ? (
          <p id="settle-outcome-error" className="text-sm font-medium text-red-800">
            {outcomeError}
          </p>
        ) : null}
      </fieldset>
      <Field
        name="refund"
        id="settle-refund"
        label={t("refundAmount")}
        hint={t("refundAmountHint", { amount })}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={state.values?.refund ?? ""}
        error={error("refund")}
      />
      <TextAreaField name="note" label={t("note")} hint={t("noteHint")} rows={4} defaultValue={state.values?.note ?? ""} error={error("note")} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("settle")}
      </Button>
    </form>
  );
}
