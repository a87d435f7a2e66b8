"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import { ATTACHMENT_ACCEPT } from "@/lib/attachments/file-type";

/** The optional file of a message, a delivery or a dispute; `id` must be unique on the page. */
export function AttachmentField({ id, error }: { id: string; error?: string }) {
  const t = useTranslations("attachments");
  const common = useTranslations("common");
  return <Field id={id} name="file" type="file" accept={ATTACHMENT_ACCEPT} label={t("fileLabel")} hint={t("fileHint")} error={error} optionalLabel={common("optional")} />;
}
