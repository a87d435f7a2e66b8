"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ReplyForm } from "@/components/ui/ReplyForm";
import type { FormState } from "@/lib/actions/form-state";
import { SUPPORT_MESSAGE_MAX } from "@/lib/support/topics";

interface SupportReplyFormProps {
  threadId: string;
  /** The secret link's key, for a person without an account. */
  accessKey?: string;
  label: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}

/** An answer in a support thread. */
export function SupportReplyForm({ threadId, accessKey, label, action }: SupportReplyFormProps) {
  const t = useTranslations("support");
  const format = useFormatter();
  return (
    <ReplyForm
      hidden={{ threadId, key: accessKey }}
      labels={{ body: label, hint: t("replyHint", { max: format.number(SUPPORT_MESSAGE_MAX) }), send: t("replySend"), sent: t("replySent") }}
      action={action}
    />
  );
}
