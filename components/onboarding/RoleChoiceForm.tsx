"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface RoleChoiceFormProps {
  defaultName: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

export function RoleChoiceForm({ defaultName, action }: RoleChoiceFormProps) {
  const t = useTranslations("onboarding");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const fieldError = useFieldError(state);
  const roleError = fieldError("role");
  const options = [
    { value: "client", label: t("client"), hint: t("clientHint") },
    { value: "expert", label: t("expert"), hint: t("expertHint") },
  ];
  return (
    <form ref={formRef} action={formAction} className="flex max-w-2xl flex-col gap-6" noValidate>
      <FormErrorSummary state={state} />
      <Field
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        autoComplete="name"
        required
        defaultValue={state.values?.name ?? defaultName}
        error={fieldError("name")}
        className="max-w-md"
      />
      <fieldset aria-describedby={roleError ? "role-error" : undefined}>
        <legend className="text-lg font-semibold">{t("legend")}</legend>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          {options.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer gap-3 rounded-lg border-2 border-stone-300 bg-white p-5 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="role"
                value={option.value}
                defaultChecked={state.values?.role === option.value}
                className="mt-1 size-5 accent-brand-800"
                aria-describedby={`role-${option.value}-hint`}
              />
              <span>
                <span className="block font-semibold">{option.label}</span>
                <span id={`role-${option.value}-hint`} className="mt-1 block text-sm text-stone-700">
                  {option.hint}
                </span>
              </span>
            </label>
          ))}
        </div>
        {roleError ? (
          <p id="role-error" className="mt-2 text-sm font-medium text-red-800">
            {roleError}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending} className="self-start">
        {t("continue")}
      </Button>
    </form>
  );
}
