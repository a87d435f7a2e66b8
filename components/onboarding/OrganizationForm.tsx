"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

export function OrganizationForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("onboarding");
  const common = useTranslations("common");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const error = useFieldError(state);
  const value = (name: string) => state.values?.[name] ?? "";
  return (
    <form ref={formRef} action={formAction} className="flex max-w-2xl flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      <Field name="legalName" label={t("legalName")} autoComplete="organization" required defaultValue={value("legalName")} error={error("legalName")} />
      <Field
        name="registrationNumber"
        label={t("registrationNumber")}
        hint={t("registrationHint")}
        inputMode="numeric"
        required
        defaultValue={value("registrationNumber")}
        error={error("registrationNumber")}
      />
      <Field
        name="vatNumber"
        label={t("vatNumber")}
        hint={t("vatHint")}
        optionalLabel={common("optional")}
        defaultValue={value("vatNumber")}
        error={error("vatNumber")}
      />
      <Field name="addressLine1" label={t("addressLine1")} autoComplete="address-line1" required defaultValue={value("addressLine1")} error={error("addressLine1")} />
      <Field
        name="addressLine2"
        label={t("addressLine2")}
        autoComplete="address-line2"
        optionalLabel={common("optional")}
        defaultValue={value("addressLine2")}
        error={error("addressLine2")}
      />
      <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
        <Field name="postalCode" label={t("postalCode")} autoComplete="postal-code" inputMode="numeric" required defaultValue={value("postalCode")} error={error("postalCode")} />
        <Field name="city" label={t("city")} autoComplete="address-level2" required defaultValue={value("city")} error={error("city")} />
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {t("create")}
      </Button>
    </form>
  );
}
