"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import { SelectField } from "./fields";

interface LegalMentionsFieldsProps {
  v: (name: string) => string;
  error: (name: string) => string | undefined;
}

/**
 * The mentions printed on the expert's invoices besides SIRET and VAT number: trade register and
 * share capital (mandatory for a company, Code de commerce R123-237). The legal form decides
 * what is required; the server says which field is missing.
 */
export function LegalMentionsFields({ v, error }: LegalMentionsFieldsProps) {
  const t = useTranslations("expertProfile");
  const common = useTranslations("common");
  return (
    <fieldset className="flex flex-col gap-4 rounded-md border border-stone-200 p-4">
      <legend className="px-1 text-base font-semibold">{t("mentionsLegend")}</legend>
      <p className="text-sm text-stone-600">{t("mentionsLead")}</p>
      <div className="grid gap-5 md:grid-cols-3">
        <SelectField name="tradeRegister" label={t("tradeRegister")} defaultValue={v("tradeRegister")} error={error("tradeRegister")}>
          <option value="">{t("tradeRegister_none")}</option>
          <option value="rcs">{t("tradeRegister_rcs")}</option>
          <option value="rm">{t("tradeRegister_rm")}</option>
        </SelectField>
        <Field name="tradeRegisterPlace" label={t("tradeRegisterPlace")} hint={t("tradeRegisterPlaceHint")} defaultValue={v("tradeRegisterPlace")} error={error("tradeRegisterPlace")} optionalLabel={common("optional")} />
        <Field name="shareCapitalEuros" inputMode="decimal" label={t("shareCapital")} hint={t("shareCapitalHint")} defaultValue={v("shareCapitalEuros")} error={error("shareCapitalEuros")} optionalLabel={common("optional")} />
      </div>
    </fieldset>
  );
}
