"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/experts/fields";
import { GroundSelect } from "@/components/moderation/GroundSelect";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface WithholdPayoutFormProps {
  transferId: string;
  withheld: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

/** Withhold a payout (reasons and ground for the statement of reasons) or release it (reasons). */
export function WithholdPayoutForm({ transferId, withheld, action }: WithholdPayoutFormProps) {
  const t = useTranslations("adminPayments");
  const all = useTranslations();
  const m = useTranslations("moderation");
  const [state, formAction, pending] = useActionState(action, idleState);
  const error = useFieldError(state);
  if (state.status === "success" && state.notice) return <Alert tone="success">{all(state.notice.key as never)}</Alert>;
  return (
    <form action={formAction} className="flex flex-col gap-2" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="transferId" value={transferId} />
      <input type="hidden" name="intent" value={withheld ? "release" : "withhold"} />
      <TextAreaField
        name="reason"
        id={`withhold-reason-${transferId}`}
        label={withheld ? t("releaseReason") : t("withholdReason")}
        rows={2}
        defaultValue={state.values?.reason ?? ""}
        error={error("reason")}
      />
      {withheld ? null : (
        <GroundSelect
          id={`withhold-ground-${transferId}`}
          label={m("groundLabel")}
          visibleLabel
          placeholder={m("groundNone")}
          defaultValue={state.values?.ground ?? ""}
          error={error("ground")}
        />
      )}
      <Button type="submit" variant={withheld ? "secondary" : "danger"} disabled={pending} className="self-start">
        {withheld ? t("release") : t("withhold")}
      </Button>
    </form>
  );
}
