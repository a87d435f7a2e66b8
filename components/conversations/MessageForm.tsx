"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { AttachmentField } from "@/components/attachments/AttachmentField";
import { useAttachmentCheck } from "@/components/attachments/useAttachmentCheck";
import { TextAreaField } from "@/components/experts/fields";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

interface MessageFormProps {
  bidId: string;
  maxLength: number;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

/**
 * Writes a message. A refused message stays in the box with its error beside it (focus moves
 * there); a sent one empties the box and is announced politely.
 */
export function MessageForm({ bidId, maxLength, action }: MessageFormProps) {
  const t = useTranslations("conversation");
  const format = useFormatter();
  const { state: sent, formAction, pending, formRef, onSubmit } = useKeptForm(action);
  const size = useAttachmentCheck();
  const state = size.shown(sent);
  const error = useFieldError(state);
  const [body, setBody] = useState(state.status === "error" ? (state.values?.body ?? "") : "");
  // Adjusting state to a new action result during render (no effect needed).
  const [handled, setHandled] = useState(sent);
  if (handled !== sent) {
    setHandled(sent);
    if (sent.status === "success") setBody("");
  }
  // After a message is sent, the file input empties too (a refused one keeps its file).
  useEffect(() => {
    if (sent.status === "success") formRef.current?.reset();
  }, [sent, formRef]);
  return (
    <form ref={formRef} action={formAction} onSubmit={(event) => size.check(event) && onSubmit(event)} noValidate className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      <input type="hidden" name="bidId" value={bidId} />
      <TextAreaField
        name="body"
        label={t("messageLabel")}
        hint={t("messageHint", { max: format.number(maxLength) })}
        rows={5}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={error("body")}
      />
      <AttachmentField id={`message-file-${bidId}`} error={error("file")} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {t("send")}
        </Button>
        <p role="status" aria-live="polite" className="text-sm font-medium text-green-900">
          {state.status === "success" ? t("sent") : ""}
        </p>
      </div>
    </form>
  );
}
