"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { TextAreaField } from "@/components/experts/fields";
import { GroundSelect } from "@/components/moderation/GroundSelect";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";
import { VETTING_CHECKLIST } from "@/lib/experts/vetting-checklist";

interface DecisionFormProps {
  profileId: string;
  /** Checklist items the automatic checks already support. */
  suggested: Record<string, boolean>;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

export function DecisionForm({ profileId, suggested, action }: DecisionFormProps) {
  const t = useTranslations("vetting");
  const m = useTranslations("moderation");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const error = useFieldError(state);
  const id = useId();
  const checklistError = error("checklist");
  // After a refusal, the boxes stay as the admin left them; before, the automatic checks suggest.
  const ticked = (item: string) => (state.values ? state.values[`check.${item}`] === "on" : (suggested[item] ?? false));
  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="profileId" value={profileId} />
      <fieldset aria-describedby={`${id}-checklist-hint${checklistError ? ` ${id}-checklist-error` : ""}`}>
        <legend className="font-semibold">{t("checklist")}</legend>
        <p id={`${id}-checklist-hint`} className="text-sm text-stone-600">
          {t("checklistHint")}
        </p>
        <div className="mt-2 flex flex-col gap-1">
          {VETTING_CHECKLIST.map((item) => (
            <label key={item} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={`check.${item}`}
                defaultChecked={ticked(item)}
                aria-invalid={checklistError ? true : undefined}
                className="size-5 accent-brand-800"
              />
              {t(`check_${item}`)}
            </label>
          ))}
        </div>
        {checklistError ? (
          <p id={`${id}-checklist-error`} className="text-sm font-medium text-red-800">
            {checklistError}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField name="reason" label={t("reason")} hint={t("reasonHint")} rows={4} defaultValue={state.values?.reason ?? ""} error={error("reason")} />
      <GroundSelect
        id={`${id}-ground`}
        label={t("rejectGround")}
        visibleLabel
        placeholder={m("groundPlaceholder")}
        defaultValue={state.values?.ground ?? ""}
        error={error("ground")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="approve" disabled={pending}>{t("approve")}</Button>
        <Button type="submit" name="decision" value="request_changes" variant="secondary" disabled={pending}>{t("requestChanges")}</Button>
        <Button type="submit" name="decision" value="reject" variant="danger" disabled={pending}>{t("reject")}</Button>
      </div>
    </form>
  );
}
