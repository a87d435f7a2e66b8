"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

export interface TaxDetailsValues {
  firstName: string;
  lastName: string;
  birthDate: string;
  birthCity: string;
  iban: string;
}

/**
 * What the DAC7 declaration needs from the expert: names and date of birth for an individual,
 * birthplace and IBAN optional. What was typed is kept after a refusal, each error beside its
 * field, focus on the first one.
 */
export function TaxDetailsForm({
  action,
  initial,
  individual,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: TaxDetailsValues;
  individual: boolean;
}) {
  const t = useTranslations("dac7");
  const common = useTranslations("common");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const error = useFieldError(state);
  const value = (name: keyof TaxDetailsValues) => state.values?.[name] ?? initial[name];
  const optional = individual ? undefined : common("optional");
  return (
    <form ref={formRef} action={formAction} className="flex max-w-2xl flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      {state.status === "success" ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="firstName" label={t("firstName")} autoComplete="given-name" required={individual} optionalLabel={optional} maxLength={100} defaultValue={value("firstName")} error={error("firstName")} />
        <Field name="lastName" label={t("lastName")} autoComplete="family-name" required={individual} optionalLabel={optional} maxLength={100} defaultValue={value("lastName")} error={error("lastName")} />
      </div>
      <Field
        name="birthDate"
        type="date"
        label={t("birthDate")}
        autoComplete="bday"
        required={individual}
        optionalLabel={optional}
        defaultValue={value("birthDate")}
        error={error("birthDate")}
      />
      <Field name="birthCity" label={t("birthCity")} optionalLabel={common("optional")} maxLength={100} defaultValue={value("birthCity")} error={error("birthCity")} />
      <Field
        name="iban"
        label={t("ibanLabel")}
        hint={t("ibanHint")}
        optionalLabel={common("optional")}
        autoComplete="off"
        spellCheck={false}
        maxLength={60}
        defaultValue={value("iban")}
        error={error("iban")}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
