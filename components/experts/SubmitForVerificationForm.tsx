"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

export function SubmitForVerificationForm({ disabled, action }: { disabled: boolean; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("expertProfile");
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <Button type="submit" disabled={disabled || pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
