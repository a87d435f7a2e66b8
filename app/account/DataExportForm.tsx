"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

/** The button that asks for a copy of one's data; the answer is announced politely. */
export function DataExportForm({ action, disabled }: { action: (state: FormState, formData: FormData) => Promise<FormState>; disabled: boolean }) {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" variant="secondary" disabled={pending || disabled || state.status === "success"}>
          {t("exportButton")}
        </Button>
        <p role="status" aria-live="polite" className="text-sm font-medium text-green-900">
          {state.status === "success" ? t("exportRequested") : ""}
        </p>
      </div>
    </form>
  );
}
