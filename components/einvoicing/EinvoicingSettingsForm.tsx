"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/experts/fields";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";

export interface EinvoicingSettingsValues {
  channel: "compagnon" | "own_pa";
  ownPaName: string;
  ownPaAddress: string;
  vatFiling: string;
}

const CHANNELS = ["compagnon", "own_pa"] as const;
const FILINGS = ["normal_monthly", "normal_quarterly", "simplified"] as const;

/**
 * Who sends the invoices issued in the expert's name to a Plateforme Agréée: Compagnon on their
 * behalf (default) or their own PA (its name and their electronic address there), and how often
 * they file VAT returns (the e-reporting periods). What was typed is kept after a refusal.
 */
export function EinvoicingSettingsForm({ action, initial }: { action: (state: FormState, formData: FormData) => Promise<FormState>; initial: EinvoicingSettingsValues }) {
  const t = useTranslations("einvoicingSettings");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const error = useFieldError(state);
  const value = (name: keyof EinvoicingSettingsValues) => state.values?.[name] ?? initial[name];
  const channelError = error("channel");
  return (
    <form ref={formRef} action={formAction} className="flex max-w-2xl flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      {state.status === "success" ? <Alert tone="success">{t("saved")}</Alert> : null}
      <fieldset>
        <legend className="text-sm font-semibold">{t("channelLegend")}</legend>
        <div className="mt-2 flex flex-col gap-1">
          {CHANNELS.map((channel) => (
            <label key={channel} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="radio"
                name="channel"
                value={channel}
                defaultChecked={value("channel") === channel}
                aria-describedby={channelError ? "einvoicing-channel-error" : undefined}
                className="size-5 accent-brand-800"
              />
              {t(`channel_${channel}`)}
            </label>
          ))}
        </div>
        {channelError ? (
          <p id="einvoicing-channel-error" className="text-sm font-medium text-red-800">
            {channelError}
          </p>
        ) : null}
      </fieldset>
      <p className="text-sm text-stone-700">{t("ownPaHint")}</p>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="ownPaName" label={t("ownPaName")} optionalLabel={t("ifOwnPa")} maxLength={100} defaultValue={value("ownPaName")} error={error("ownPaName")} />
        <Field
          name="ownPaAddress"
          label={t("ownPaAddress")}
          hint={t("ownPaAddressHint")}
          optionalLabel={t("ifOwnPa")}
          spellCheck={false}
          autoComplete="off"
          maxLength={100}
          defaultValue={value("ownPaAddress")}
          error={error("ownPaAddress")}
        />
      </div>
      <SelectField name="vatFiling" label={t("vatFiling")} hint={t("vatFilingHint")} defaultValue={value("vatFiling")} error={error("vatFiling")}>
        <option value="">{t("filing_unset")}</option>
        {FILINGS.map((filing) => (
          <option key={filing} value={filing}>
            {t(`filing_${filing}`)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
