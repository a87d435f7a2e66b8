"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/experts/fields";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

interface AnnounceVersionFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Versions whose text ships with the code and that were not announced yet, as "document:version". */
  choices: { document: string; version: string; label: string }[];
  earliest: string;
}

/** Announce a version: which one, from when (15 days ahead at least, 30 for fees). */
export function AnnounceVersionForm({ action, choices, earliest }: AnnounceVersionFormProps) {
  const t = useTranslations("adminLegal");
  const all = useTranslations();
  const first = choices[0];
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, { document: first?.document ?? "terms", version: first?.version ?? "", effectiveOn: earliest });
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <SelectField name="document" label={t("document")} defaultValue={v("document")} error={error("document")}>
        {["terms", "privacy", "mandate"].map((document) => (
          <option key={document} value={document}>
            {all(`legalVersions.document_${document}` as never)}
          </option>
        ))}
      </SelectField>
      <Field name="version" label={t("version")} hint={t("versionHint", { versions: choices.map((c) => c.label).join(", ") || "—" })} required defaultValue={v("version")} error={error("version")} />
      <Field name="effectiveOn" type="date" label={t("effectiveOn")} hint={t("effectiveOnHint")} required defaultValue={v("effectiveOn")} error={error("effectiveOn")} />
      <div className="flex items-start gap-3">
        <input id="field-changesFees" name="changesFees" type="checkbox" value="yes" defaultChecked={v("changesFees") === "yes"} className="mt-0.5 size-5 shrink-0 accent-brand-700" />
        <label htmlFor="field-changesFees">{t("changesFees")}</label>
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
