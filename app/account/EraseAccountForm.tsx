"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface EraseAccountFormProps {
  email: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

/** The confirmation: the account's email typed again, then a clearly destructive button. */
export function EraseAccountForm({ email, action }: EraseAccountFormProps) {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const fieldError = state.fieldErrors?.confirmEmail;
  return (
    <form ref={formRef} action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <div aria-live="polite">
        <FormErrorSummary state={state} />
      </div>
      <Field
        name="confirmEmail"
        type="email"
        label={t("confirmLabel")}
        hint={t("confirmHint", { email })}
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={state.values?.confirmEmail ?? ""}
        error={fieldError ? t(fieldError === "emailMismatch" ? "confirmError_emailMismatch" : "confirmError_required") : undefined}
      />
      <Button type="submit" variant="danger" disabled={pending} className="self-start">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
