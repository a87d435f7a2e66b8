"use client";

import { useTranslations } from "next-intl";
import { ModerationReasonForm } from "@/components/moderation/ModerationReasonForm";
import type { FormState } from "@/lib/actions/form-state";

interface WithholdPayoutFormProps {
  transferId: string;
  withheld: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

/** Withhold a payout (reasons and ground for the statement of reasons) or release it (reasons). */
export function WithholdPayoutForm({ transferId, withheld, action }: WithholdPayoutFormProps) {
  const t = useTranslations("adminPayments");
  const m = useTranslations("moderation");
  return (
    <ModerationReasonForm
      action={action}
      hidden={{ transferId, intent: withheld ? "release" : "withhold" }}
      idPrefix={`withhold-${transferId}`}
      labels={
        withheld
          ? { reason: t("releaseReason"), submit: t("release") }
          : { reason: t("withholdReason"), submit: t("withhold"), ground: m("groundLabel"), groundPlaceholder: m("groundNone") }
      }
      rows={2}
      variant={withheld ? "secondary" : "danger"}
    />
  );
}
