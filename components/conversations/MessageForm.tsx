"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ReplyForm } from "@/components/ui/ReplyForm";
import type { FormState } from "@/lib/actions/form-state";

interface MessageFormProps {
  bidId: string;
  maxLength: number;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

/** Writes a message in a bid's conversation. */
export function MessageForm({ bidId, maxLength, action }: MessageFormProps) {
  const t = useTranslations("conversation");
  const format = useFormatter();
  return (
    <ReplyForm
      hidden={{ bidId }}
      labels={{ body: t("messageLabel"), hint: t("messageHint", { max: format.number(maxLength) }), send: t("send"), sent: t("sent") }}
      action={action}
    />
  );
}
