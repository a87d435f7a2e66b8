"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFileSizeCheck } from "@/components/ui/useFileSizeCheck";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { MAX_EVIDENCE_BYTES } from "@/lib/http/request-limits";
import { SelectField } from "./fields";

const kinds = ["registration", "urssaf", "insurance", "certification", "qualiopi", "other"] as const;

export function EvidenceUploadForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("expertProfile");
  const all = useTranslations();
  const common = useTranslations("common");
  const { state: sent, formAction, pending, formRef, onSubmit } = useKeptForm(action);
  const size = useFileSizeCheck("file", MAX_EVIDENCE_BYTES, "fileTooLarge");
  const state = size.shown(sent);
  // After an upload, clear the form for the next file; after a refusal, keep every choice.
  useEffect(() => {
    if (sent.status === "success") formRef.current?.reset();
  }, [sent, formRef]);
  const error = useFieldError(state);
  const kept = (name: string) => (state.status === "error" ? (state.values?.[name] ?? "") : "");
  return (
    <form ref={formRef} action={formAction} onSubmit={(event) => size.check(event) && onSubmit(event)} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary state={state} />
      {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField name="kind" label={t("evidenceKind")} defaultValue={kept("kind") || "registration"} error={error("kind")}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>{t(`evidence_${kind}`)}</option>
          ))}
        </SelectField>
        <Field name="label" label={t("evidenceLabel")} hint={t("evidenceLabelHint")} defaultValue={kept("label")} error={error("label")} optionalLabel={common("optional")} />
        <Field name="issuedOn" type="date" label={t("issuedOn")} hint={t("issuedOnHint")} defaultValue={kept("issuedOn")} error={error("issuedOn")} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="certificateNumber" label={t("certificateNumber")} hint={t("certificateNumberHint")} defaultValue={kept("certificateNumber")} error={error("certificateNumber")} optionalLabel={common("optional")} />
        <Field name="expiresOn" type="date" label={t("expiresOn")} hint={t("expiresOnHint")} defaultValue={kept("expiresOn")} error={error("expiresOn")} optionalLabel={common("optional")} />
      </div>
      <Field
        name="file"
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        label={t("file")}
        hint={t("fileHint")}
        error={error("file")}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("uploading") : t("upload")}
      </Button>
    </form>
  );
}
