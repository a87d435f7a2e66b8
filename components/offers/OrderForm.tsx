"use client";

import { useTranslations } from "next-intl";
import { PersonalDataFields } from "@/components/job-wizard/PersonalDataFields";
import { SelectField, TextAreaField } from "@/components/experts/fields";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

interface OrderFormProps {
  offerId: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
  questions: string[];
  /** The extras with their price already written out (excl. VAT). */
  extras: { title: string; price: string }[];
  /** Where the client may have the work done: "remote" and/or département codes with names. */
  places: { value: string; label: string }[];
  /** The VAT rate the price shown was computed with: a different one at ordering is refused. */
  vatRateBps: number;
  /** The expert cannot be paid yet: the client must say he orders anyway. */
  notReady: string | null;
}

/** The client's order of an offer: his answers to the expert's questions, extras, place and personal data. */
export function OrderForm({ offerId, action, questions, extras, places, vatRateBps, notReady }: OrderFormProps) {
  const t = useTranslations("offers");
  const { state, formAction, pending, formRef, onSubmit, v, many } = useKeptForm(action);
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="expectedVatRateBps" value={vatRateBps} />
      {questions.map((question, i) => (
        <TextAreaField key={question} name={`answers.${i}`} label={question} rows={2} defaultValue={v(`answers.${i}`)} error={error(`answers.${i}`)} />
      ))}
      {extras.length > 0 ? (
        <fieldset aria-describedby={error("extras") ? "extras-error" : undefined}>
          <legend className="font-semibold">{t("orderExtras")}</legend>
          {error("extras") ? (
            <p id="extras-error" className="mt-2 text-sm font-medium text-red-800">
              {error("extras")}
            </p>
          ) : null}
          <div className="mt-2 flex flex-col gap-2">
            {extras.map((extra, i) => (
              <label key={extra.title} className="flex min-h-11 items-center gap-3">
                <input type="checkbox" name="extras" value={i} defaultChecked={many("extras").includes(String(i))} className="size-5 accent-brand-800" />
                <span>
                  {extra.title} <span className="text-stone-700">(+ {extra.price})</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <SelectField name="place" label={t("orderPlace")} defaultValue={v("place")} error={error("place")} className="max-w-md">
        <option value="">{t("choose")}</option>
        {places.map((place) => (
          <option key={place.value} value={place.value}>
            {place.label}
          </option>
        ))}
      </SelectField>
      <PersonalDataFields v={v} many={many} error={error} />
      {notReady ? (
        <div className="flex flex-col gap-2">
          <Alert tone="warning">{notReady}</Alert>
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="acceptNotReady" value="yes" defaultChecked={v("acceptNotReady") === "yes"} className="size-5 accent-brand-800" />
            {t("orderAnyway")}
          </label>
        </div>
      ) : null}
      <p className="max-w-2xl text-sm text-stone-700">{t("orderExplain")}</p>
      <Button type="submit" disabled={pending} className="self-start">
        {t("order")}
      </Button>
    </form>
  );
}
