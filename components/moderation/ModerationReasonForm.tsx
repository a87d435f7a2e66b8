"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/experts/fields";
import { GroundSelect } from "@/components/moderation/GroundSelect";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface ModerationReasonFormProps {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  /** The ids posted with the form (`statementId`, `offerId`…). */
  hidden: Record<string, string>;
  /** Prefix of the fields' ids: `lift` gives `lift-reason`, `remove` gives `remove-reason` and `remove-ground`. */
  idPrefix: string;
  /** The texts, translated by the page. `ground` (with its `groundPlaceholder`) adds the choice of ground. */
  labels: { reason: string; hint?: string; submit: string; ground?: string; groundPlaceholder?: string };
  /** The ground chosen before the admin picks one (none by default). */
  groundDefault?: string;
  /** Height of the reason's box, in lines. */
  rows?: number;
  variant: "secondary" | "danger";
}

/**
 * An admin's moderation act written down for the person it concerns: a reason (and, for a
 * restriction, its ground) posted to the act's action, such as lifting a restriction, taking an
 * offer out of the catalogue, suspending an expert or withholding a payout. The success notice
 * replaces the form.
 */
export function ModerationReasonForm({ action, hidden, idPrefix, labels, groundDefault = "", rows = 3, variant }: ModerationReasonFormProps) {
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  const error = useFieldError(state);
  if (state.status === "success" && state.notice) return <Alert tone="success">{all(state.notice.key as never)}</Alert>;
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-3" noValidate>
      <FormErrorSummary state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextAreaField name="reason" id={`${idPrefix}-reason`} label={labels.reason} hint={labels.hint} rows={rows} defaultValue={state.values?.reason ?? ""} error={error("reason")} />
      {labels.ground !== undefined ? (
        <GroundSelect id={`${idPrefix}-ground`} label={labels.ground} visibleLabel placeholder={labels.groundPlaceholder} defaultValue={state.values?.ground ?? groundDefault} error={error("ground")} />
      ) : null}
      <Button type="submit" variant={variant} disabled={pending} className="self-start">
        {labels.submit}
      </Button>
    </form>
  );
}
