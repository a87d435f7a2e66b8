"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/experts/fields";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

/** An admin lifts the restriction of a statement of reasons by hand, with reasons sent to the person. */
export function LiftRestrictionForm({ statementId, action }: { statementId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("moderation");
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  const error = useFieldError(state);
  if (state.status === "success" && state.notice) return <Alert tone="success">{all(state.notice.key as never)}</Alert>;
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-3" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="statementId" value={statementId} />
      <TextAreaField name="reason" id="lift-reason" label={t("liftReason")} hint={t("liftHint")} rows={3} defaultValue={state.values?.reason ?? ""} error={error("reason")} />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("liftSubmit")}
      </Button>
    </form>
  );
}
