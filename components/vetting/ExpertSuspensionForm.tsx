"use client";

import { useTranslations } from "next-intl";
import { ModerationReasonForm } from "@/components/moderation/ModerationReasonForm";
import type { FormState } from "@/lib/actions/form-state";

interface ExpertSuspensionFormProps {
  profileId: string;
  suspended: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

/** Suspend a verified expert (reason and ground, for the statement of reasons) or reinstate them (reason). */
export function ExpertSuspensionForm({ profileId, suspended, action }: ExpertSuspensionFormProps) {
  const t = useTranslations("vetting");
  const m = useTranslations("moderation");
  return (
    <ModerationReasonForm
      action={action}
      hidden={{ profileId, intent: suspended ? "reinstate" : "suspend" }}
      idPrefix="suspension"
      labels={{ reason: t("reason"), submit: suspended ? t("reinstate") : t("suspend"), ...(suspended ? {} : { ground: m("groundLabel") }) }}
      groundDefault="terms_conduct"
      variant={suspended ? "secondary" : "danger"}
    />
  );
}
