"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

interface SavingsPriceFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Unique on the page: the fields' ids. */
  formId: string;
  title: string;
  priceLabel: string;
  /** `slug` (a paid service) or `key` (an assumption), and its value. */
  hidden: { name: "slug" | "key"; value: string };
  defaults: { price: string; source: string; pricedOn: string };
}

/** One price of the savings estimate: amount, where it was read and when. */
export function SavingsPriceForm({ action, formId, title, priceLabel, hidden, defaults }: SavingsPriceFormProps) {
  const t = useTranslations("adminSavings");
  const all = useTranslations();
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, defaults);
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-labelledby={`${formId}-title`} className="flex flex-col gap-3 rounded-md border border-stone-200 bg-white p-4">
      <h3 id={`${formId}-title`} className="font-semibold text-stone-900">
        {title}
      </h3>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <input type="hidden" name={hidden.name} value={hidden.value} />
      <div className="grid gap-3 md:grid-cols-[10rem_1fr_11rem]">
        <Field id={`${formId}-price`} name="price" label={priceLabel} inputMode="decimal" required defaultValue={v("price")} error={error("price")} />
        <Field id={`${formId}-source`} name="source" label={t("source")} required defaultValue={v("source")} error={error("source")} />
        <Field id={`${formId}-pricedOn`} name="pricedOn" type="date" label={t("pricedOn")} required defaultValue={v("pricedOn")} error={error("pricedOn")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
