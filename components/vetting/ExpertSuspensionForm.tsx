"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/experts/fields";
import { GroundSelect } from "@/components/moderation/GroundSelect";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface ExpertSuspensionFormProps {
  profileId: string;
  suspended: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

export function ExpertSuspensionForm({ profileId, suspended, action }: ExpertSuspensionFormProps) {
  const t = useTranslations("vetting");
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  const error = useFieldError(state);
  if (state.status === "success" && state.notice) return <Alert tone="success">{all(state.notice.key as never)}</Alert>;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="profileId" value={profileId} />
      <input type="hidden" name="intent" value={suspended ? "reinstate" : "suspend"} />
      <TextAreaField name="reason" label={t("reason")} rows={3} defaultValue={state.values?.reason ?? ""} error={error("reason")} />
      {suspended ? null : <GroundSelect id="field-ground" label={all("moderation.groundLabel")} defaultValue={state.values?.ground || "terms_conduct"} />}
      <Button type="submit" variant={suspended ? "secondary" : "danger"} disabled={pending} className="self-start">
        {suspended ? t("reinstate") : t("suspend")}
      </Button>
    </form>
  );
}
