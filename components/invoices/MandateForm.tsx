"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

export interface MandateIdentity {
  legalName: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
}

/**
 * The identity printed on the expert's invoices and the acceptance of the billing mandate.
 * Prefilled from the mandate already given; after a refusal, what was typed is kept, each error
 * sits beside its field and focus goes to the first one. The box is never ticked in advance.
 */
export function MandateForm({
  action,
  initial,
  updating,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: MandateIdentity | null;
  updating: boolean;
}) {
  const t = useTranslations("billingMandate");
  const common = useTranslations("common");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const error = useFieldError(state);
  const value = (name: keyof MandateIdentity) => state.values?.[name] ?? initial?.[name] ?? "";
  const confirmError = error("confirm");
  return (
    <form ref={formRef} action={formAction} className="flex max-w-2xl flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      <Field
        name="legalName"
        label={t("legalName")}
        hint={t("legalNameHint")}
        autoComplete="organization"
        required
        maxLength={200}
        defaultValue={value("legalName")}
        error={error("legalName")}
      />
      <Field
        name="addressLine1"
        label={t("addressLine1")}
        autoComplete="address-line1"
        required
        maxLength={200}
        defaultValue={value("addressLine1")}
        error={error("addressLine1")}
      />
      <Field
        name="addressLine2"
        label={t("addressLine2")}
        autoComplete="address-line2"
        optionalLabel={common("optional")}
        maxLength={200}
        defaultValue={value("addressLine2")}
        error={error("addressLine2")}
      />
      <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
        <Field
          name="postalCode"
          label={t("postalCode")}
          autoComplete="postal-code"
          inputMode="numeric"
          required
          maxLength={5}
          defaultValue={value("postalCode")}
          error={error("postalCode")}
        />
        <Field name="city" label={t("city")} autoComplete="address-level2" required maxLength={100} defaultValue={value("city")} error={error("city")} />
      </div>
      <div className="flex flex-col gap-1">
        <div className="flex items-start gap-3">
          <input
            id="mandate-confirm"
            type="checkbox"
            name="confirm"
            value="yes"
            defaultChecked={state.values?.confirm === "yes"}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? "mandate-confirm-error" : undefined}
            className="mt-1 size-5 shrink-0"
          />
          <label htmlFor="mandate-confirm" className="text-sm text-stone-900">
            {t("confirm")}
          </label>
        </div>
        {confirmError ? (
          <p id="mandate-confirm-error" className="text-sm font-medium text-red-800">
            {confirmError}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {updating ? t("submitUpdate") : t("submit")}
      </Button>
    </form>
  );
}
