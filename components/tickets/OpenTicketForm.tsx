"use client";

import { useTranslations } from "next-intl";
import { FilesField } from "@/components/attachments/FilesField";
import { useFilesCheck } from "@/components/attachments/useFilesCheck";
import { SelectField, TextAreaField } from "@/components/experts/fields";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { TICKET_FILE_LIMITS } from "@/lib/tickets/file-limits";

/**
 * A client member opens a ticket: title, severity (with its response target), covered software,
 * description, files. A refusal keeps everything typed and chosen (the files too: the form is never reset).
 */
export function OpenTicketForm({
  contractId,
  software,
  targets,
  action,
}: {
  contractId: string;
  software: string[];
  targets: Record<"critical" | "high" | "normal" | "low", number>;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("tickets");
  const { state: sent, formAction, pending, formRef, onSubmit, v } = useKeptForm(action);
  const files = useFilesCheck(TICKET_FILE_LIMITS);
  const state = files.shown(sent);
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={(event) => files.check(event) && onSubmit(event)} noValidate className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-6" aria-labelledby="new-ticket-heading">
      <h2 id="new-ticket-heading" className="text-xl font-semibold text-stone-900">
        {t("newHeading")}
      </h2>
      <FormErrorSummary state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <Field name="title" label={t("titleLabel")} defaultValue={v("title")} error={error("title")} maxLength={200} />
      <SelectField name="severity" label={t("severityLabel")} defaultValue={v("severity") || "normal"} error={error("severity")}>
        {(["critical", "high", "normal", "low"] as const).map((severity) => (
          <option key={severity} value={severity}>
            {t("severityOption", { severity: t(`severity_${severity}`), hours: targets[severity] })}
          </option>
        ))}
      </SelectField>
      <SelectField name="software" label={t("softwareLabel")} defaultValue={v("software") || software[0]} error={error("software")}>
        {software.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <TextAreaField name="description" label={t("descriptionLabel")} rows={6} defaultValue={v("description")} error={error("description")} />
      <FilesField id="ticket-files" label={t("filesLabel")} hint={t("filesHint")} error={error("files")} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("open")}
      </Button>
    </form>
  );
}
