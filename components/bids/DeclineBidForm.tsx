"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

export function DeclineBidForm({ bidId, jobId, action }: { bidId: string; jobId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("bids");
  const [state, formAction, pending] = useActionState(action, idleState);
  const fieldError = useFieldError(state);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormErrorSummary state={state} />
      <input type="hidden" name="bidId" value={bidId} />
      <input type="hidden" name="jobId" value={jobId} />
      <Field name="reason" id={`decline-reason-${bidId}`} label={t("declineReason")} optionalLabel={t("optional")} error={fieldError("reason")} defaultValue={state.values?.reason} />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("decline")}
      </Button>
    </form>
  );
}
