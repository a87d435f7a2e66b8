"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import { ATTACHMENT_ACCEPT } from "@/lib/attachments/file-type";

/** Several optional files (a ticket, a ticket's message); `id` must be unique on the page. */
export function FilesField({ id, label, hint, error }: { id: string; label: string; hint: string; error?: string }) {
  const common = useTranslations("common");
  return <Field id={id} name="files" type="file" multiple accept={ATTACHMENT_ACCEPT} label={label} hint={hint} error={error} optionalLabel={common("optional")} />;
}
