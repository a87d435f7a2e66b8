"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { AttachmentField } from "@/components/attachments/AttachmentField";
import { useAttachmentCheck } from "@/components/attachments/useAttachmentCheck";
import { TextAreaField } from "@/components/experts/fields";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

/** Writes in a dispute's thread, with an optional file; a refused message stays in the box. */
export function DisputeMessageForm({ disputeId, action }: { disputeId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("disputes");
  const { state: sent, formAction, pending, formRef, onSubmit } = useKeptForm(action);
  const size = useAttachmentCheck();
  const state = size.shown(sent);
  const error = useFieldError(state);
  const [body, setBody] = useState("");
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
      <h2 className="text-xl font-semibold text-stone-900">{t("writeHeading")}</h2>
      <FormErrorSummary state={state} />
      <input type="hidden" name="disputeId" value={disputeId} />
      <TextAreaField name="body" label={t("messageLabel")} hint={t("messageHint")} rows={5} value={body} onChange={(event) => setBody(event.target.value)} error={error("body")} />
      <AttachmentField id="dispute-message-file" error={error("file")} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("sending") : t("send")}
        </Button>
        <p role="status" aria-live="polite" className="text-sm font-medium text-green-900">
          {sent.status === "success" ? t("sent") : ""}
        </p>
      </div>
    </form>
  );
}
