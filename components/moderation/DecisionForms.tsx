"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField } from "@/components/experts/fields";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { COMPLAINT_OUTCOMES, REPORT_OUTCOMES, RESTRICTION_GROUNDS } from "@/lib/moderation/rules";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The ground of a restriction: a clause of the terms or the law. */
function GroundChoice({ id, value, error }: { id: string; value: string; error: string | undefined }) {
  const t = useTranslations("moderation");
  return (
    <SelectField name="ground" id={id} label={t("decisionGround")} defaultValue={value} error={error}>
      <option value="">{t("groundNone")}</option>
      {RESTRICTION_GROUNDS.map((ground) => (
        <option key={ground} value={ground}>
          {t(`ground.${ground}`)}
        </option>
      ))}
    </SelectField>
  );
}

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
      <GroundChoice id={`ground-${reportId}`} value={v("ground")} error={error("ground")} />
      <TextAreaField name="note" id={`note-${reportId}`} label={t("decisionNote")} rows={3} required defaultValue={v("note")} error={error("note")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("decide")}
        </Button>
      </div>
    </form>
  );
}

/**
 * A second admin's answer to a complaint. A reporter's complaint (`reporter`) that is upheld
 * against the decision needs the new decision on the content and its ground.
 */
export function ComplaintDecisionForm({ action, complaintId, reporter = false }: { action: Action; complaintId: string; reporter?: boolean }) {
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
      {reporter ? (
        <>
          <SelectField name="newOutcome" id={`new-outcome-${complaintId}`} label={t("newOutcomeLabel")} defaultValue={v("newOutcome")} error={error("newOutcome")}>
            <option value="">{t("groundNone")}</option>
            {(["removed", "restricted"] as const).map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`outcome.${outcome}`)}
              </option>
            ))}
          </SelectField>
          <GroundChoice id={`complaint-ground-${complaintId}`} value={v("ground")} error={error("ground")} />
        </>
      ) : null}
      <TextAreaField name="answer" id={`answer-${complaintId}`} label={t("complaintAnswerLabel")} rows={3} required defaultValue={v("answer")} error={error("answer")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("complaintDecide")}
        </Button>
      </div>
    </form>
  );
}

/**
 * A complaint against a decision: the affected person's on the decision page, a reporter's on
 * their report's page. `fields` are the hidden ids (and the emailed key, when given).
 */
export function ComplaintForm({ action, fields, label = "complaintLabel" }: { action: Action; fields: Record<string, string | null>; label?: "complaintLabel" | "reporterComplaintLabel" }) {
  const t = useTranslations("moderation");
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action);
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-4">
      <FormErrorSummary state={state} />
      {Object.entries(fields).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <TextAreaField name="body" label={t(label)} rows={6} required maxLength={4000} defaultValue={v("body")} error={error("body")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("complaintSubmit")}
        </Button>
      </div>
    </form>
  );
}
