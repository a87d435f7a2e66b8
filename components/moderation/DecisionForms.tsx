"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField } from "@/components/experts/fields";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { COMPLAINT_OUTCOMES, REPORT_OUTCOMES, RESTRICTION_GROUNDS } from "@/lib/moderation/rules";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** An admin's decision on one report; ids are suffixed so several forms fit on one page. */
export function ReportDecisionForm({ action, reportId }: { action: Action; reportId: string }) {
  const t = useTranslations("moderation");
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, { outcome: "kept" });
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormErrorSummary state={state} />
      <input type="hidden" name="reportId" value={reportId} />
      <SelectField name="outcome" id={`outcome-${reportId}`} label={t("decisionOutcome")} defaultValue={v("outcome")} error={error("outcome")}>
        {REPORT_OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {t(`outcome.${outcome}`)}
          </option>
        ))}
      </SelectField>
      <SelectField name="ground" id={`ground-${reportId}`} label={t("decisionGround")} defaultValue={v("ground")} error={error("ground")}>
        <option value="">{t("groundNone")}</option>
        {RESTRICTION_GROUNDS.map((ground) => (
          <option key={ground} value={ground}>
            {t(`ground.${ground}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField name="note" id={`note-${reportId}`} label={t("decisionNote")} rows={3} required defaultValue={v("note")} error={error("note")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("decide")}
        </Button>
      </div>
    </form>
  );
}

/** A second admin's answer to a complaint. */
export function ComplaintDecisionForm({ action, complaintId }: { action: Action; complaintId: string }) {
  const t = useTranslations("moderation");
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, { outcome: "upheld" });
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormErrorSummary state={state} />
      <input type="hidden" name="complaintId" value={complaintId} />
      <SelectField name="outcome" id={`complaint-outcome-${complaintId}`} label={t("complaintOutcome")} defaultValue={v("outcome")} error={error("outcome")}>
        {COMPLAINT_OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {t(`outcome.${outcome}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField name="answer" id={`answer-${complaintId}`} label={t("complaintAnswerLabel")} rows={3} required defaultValue={v("answer")} error={error("answer")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("complaintDecide")}
        </Button>
      </div>
    </form>
  );
}

/** The affected person's complaint on the decision page. */
export function ComplaintForm({ action, statementId, accessKey }: { action: Action; statementId: string; accessKey: string | null }) {
  const t = useTranslations("moderation");
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action);
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-4">
      <FormErrorSummary state={state} />
      <input type="hidden" name="statementId" value={statementId} />
      {accessKey ? <input type="hidden" name="key" value={accessKey} /> : null}
      <TextAreaField name="body" label={t("complaintLabel")} rows={6} required maxLength={4000} defaultValue={v("body")} error={error("body")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("complaintSubmit")}
        </Button>
      </div>
    </form>
  );
}
