"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface SignInFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  callbackUrl?: string;
}

export function SignInForm({ action, callbackUrl }: SignInFormProps) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const fieldError = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} className="flex max-w-md flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field
        name="email"
        type="email"
        label={t("email")}
        hint={t("emailHint")}
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? ""}
        error={fieldError("email")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
