"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { GroundSelect } from "@/components/moderation/GroundSelect";
import { Button } from "@/components/ui/Button";
import { useFieldError } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface SuspensionFormProps {
  userId: string;
  email: string;
  suspended: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

/** One row's suspend/reinstate control; the reason is required and goes to the audit log and, with the ground, to the statement of reasons. */
export function SuspensionForm({ userId, email, suspended, action }: SuspensionFormProps) {
  const t = useTranslations("admin");
  const all = useTranslations();
  const m = useTranslations("moderation");
  const [state, formAction, pending] = useActionState(action, idleState);
  const reasonError = useFieldError(state)("reason");
  const id = `reason-${userId}`;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="intent" value={suspended ? "reinstate" : "suspend"} />
      <label htmlFor={id} className="sr-only">
        {t("reason")} ({email})
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name="reason"
          placeholder={t("reason")}
          defaultValue={state.status === "error" ? (state.values?.reason ?? "") : ""}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-error` : undefined}
          className="min-h-11 w-48 rounded-md border border-stone-400 px-2 text-sm"
        />
        {suspended ? null : <GroundSelect id={`ground-${userId}`} label={`${m("groundLabel")} (${email})`} defaultValue={state.values?.ground || "terms_conduct"} />}
        <Button type="submit" variant={suspended ? "secondary" : "danger"} disabled={pending}>
          {suspended ? t("reinstate") : t("suspend")}
        </Button>
      </div>
      {reasonError ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {reasonError}
        </p>
      ) : null}
      {state.status === "error" && state.formError ? <Alert tone="error">{all(state.formError as never)}</Alert> : null}
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
    </form>
  );
}
