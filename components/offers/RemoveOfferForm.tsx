"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/experts/fields";
import { GroundSelect } from "@/components/moderation/GroundSelect";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

/** An admin takes an offer out of the catalogue: the reason and ground become the expert's statement of reasons. */
export function RemoveOfferForm({ offerId, action }: { offerId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("offers");
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  const error = useFieldError(state);
  if (state.status === "success" && state.notice) return <Alert tone="success">{all(state.notice.key as never)}</Alert>;
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-3" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="offerId" value={offerId} />
      <TextAreaField name="reason" id="remove-reason" label={t("removeReason")} hint={t("removeHint")} rows={3} defaultValue={state.values?.reason ?? ""} error={error("reason")} />
      <GroundSelect id="remove-ground" label={t("removeGround")} visibleLabel placeholder={t("choose")} defaultValue={state.values?.ground ?? ""} error={error("ground")} />
      <Button type="submit" variant="danger" disabled={pending} className="self-start">
        {t("removeSubmit")}
      </Button>
    </form>
  );
}
