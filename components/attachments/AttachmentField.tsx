"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import { ATTACHMENT_ACCEPT } from "@/lib/attachments/file-type";

/** The optional file of a message, a delivery, a dispute or a handover pack; `id` must be unique on the page. */
export function AttachmentField({ id, error, label, hint }: { id: string; error?: string; label?: string; hint?: string }) {
  const t = useTranslations("attachments");
  const common = useTranslations("common");
  return <Field id={id} name="file" type="file" accept={ATTACHMENT_ACCEPT} label={label ?? t("fileLabel")} hint={hint ?? t("fileHint")} error={error} optionalLabel={common("optional")} />;
}
