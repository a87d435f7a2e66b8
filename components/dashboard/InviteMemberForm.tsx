"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface InviteMemberFormProps {
  organizationId: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

export function InviteMemberForm({ organizationId, action }: InviteMemberFormProps) {
  const t = useTranslations("dashboard");
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const error = useFieldError(state);
  const role = state.values?.role ?? "member";
  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? (
        <Alert tone="success">{all(state.notice.key as never, state.notice.values as never)}</Alert>
      ) : null}
      <input type="hidden" name="organizationId" value={organizationId} />
      <Field
        name="email"
        type="email"
        label={t("inviteEmail")}
        autoComplete="off"
        required
        defaultValue={state.status === "error" ? (state.values?.email ?? "") : ""}
        error={error("email")}
      />
      <fieldset>
        <legend className="text-sm font-semibold">{t("inviteRole")}</legend>
        <div className="mt-2 flex flex-col gap-2">
          {(["member", "owner"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="role" value={value} defaultChecked={role === value} className="size-4 accent-brand-800" />
              {value === "member" ? t("inviteRoleMember") : t("inviteRoleOwner")}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending} className="self-start">
        {t("inviteSend")}
      </Button>
    </form>
  );
}
