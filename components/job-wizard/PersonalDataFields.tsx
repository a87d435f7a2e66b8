"use client";

import { useTranslations } from "next-intl";
import type { DataCategory, DataSubject } from "@/db/schema";
import { CheckboxCards, RadioCards } from "./ChoiceCards";

// The schema's values, repeated so the client bundle stays free of database code; `satisfies`
// fails to compile when a value is missing or unknown. Object keys keep this order.
const subjectSet = { employees: true, customers: true, prospects: true, suppliers: true, patients: true, students: true, members: true } satisfies Record<DataSubject, true>;
const categorySet = { identity: true, contact: true, financial: true, hr: true, health: true, technical: true, documents: true } satisfies Record<DataCategory, true>;
const dataSubjects = Object.keys(subjectSet) as DataSubject[];
const dataCategories = Object.keys(categorySet) as DataCategory[];

/**
 * Whether the expert will reach personal data, and then whose and which (for the GDPR art. 28
 * agreement): the need wizard's step and the order form of an offer.
 */
export function PersonalDataFields({ v, many, error }: { v: (name: string) => string; many: (name: string) => string[]; error: (name: string) => string | undefined }) {
  const t = useTranslations("jobWizard");
  return (
    <div className="group/personal flex flex-col gap-6">
      <RadioCards
        name="personalData"
        legend={t("personalDataLegend")}
        checked={v("personalData")}
        error={error("personalData")}
        options={[
          { value: "yes", label: t("personalDataYes"), hint: t("personalDataYesHint") },
          { value: "no", label: t("personalDataNo"), hint: t("personalDataNoHint") },
        ]}
      />
      <div className="flex flex-col gap-6 rounded-lg bg-brand-50 p-4 group-has-[input[name=personalData][value=yes]:not(:checked)]/personal:hidden">
        <p className="text-sm text-stone-800">{t("dataDetailsIntro")}</p>
        <CheckboxCards
          name="dataSubjects"
          legend={t("dataSubjectsLegend")}
          hint={t("dataSubjectsHint")}
          checked={many("dataSubjects")}
          error={error("dataSubjects")}
          options={dataSubjects.map((d) => ({ value: d, label: t(`dataSubject_${d}`), hint: t(`dataSubjectHint_${d}`) }))}
        />
        <CheckboxCards
          name="dataCategories"
          legend={t("dataCategoriesLegend")}
          hint={t("dataCategoriesHint")}
          checked={many("dataCategories")}
          error={error("dataCategories")}
          options={dataCategories.map((d) => ({ value: d, label: t(`dataCategory_${d}`), hint: t(`dataCategoryHint_${d}`) }))}
        />
      </div>
    </div>
  );
}
