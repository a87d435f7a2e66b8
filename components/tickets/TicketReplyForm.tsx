"use client";

import { useTranslations } from "next-intl";
import { FilesField } from "@/components/attachments/FilesField";
import { useFilesCheck } from "@/components/attachments/useFilesCheck";
import { ReplyForm } from "@/components/ui/ReplyForm";
import type { FormState } from "@/lib/actions/form-state";
import { TICKET_FILE_LIMITS } from "@/lib/tickets/file-limits";

/** The expert or a client member writes in a ticket's thread, with up to five files. */
export function TicketReplyForm({ ticketId, action }: { ticketId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("tickets");
  const check = useFilesCheck(TICKET_FILE_LIMITS);
  return (
    <ReplyForm
      hidden={{ ticketId }}
      labels={{ body: t("messageLabel"), hint: t("messageHint"), send: t("send"), sent: t("sent") }}
      action={action}
      files={{ ...check, field: (error) => <FilesField id="ticket-reply-files" label={t("filesLabel")} hint={t("filesHint")} error={error} /> }}
    />
  );
}
