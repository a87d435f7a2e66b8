"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { useFieldError } from "@/components/ui/FormErrorSummary";
import { useFileSizeCheck } from "@/components/ui/useFileSizeCheck";
import { idleState, type FormState } from "@/lib/actions/form-state";
import { MAX_PHOTO_BYTES } from "@/lib/http/request-limits";

interface PhotoFormProps {
  photoUrl: string | null;
  action: (s: FormState, f: FormData) => Promise<FormState>;
  removeAction: (formData: FormData) => Promise<void>;
}

export function PhotoForm({ photoUrl, action, removeAction }: PhotoFormProps) {
  const t = useTranslations("expertProfile");
  const all = useTranslations();
  const [sent, formAction, pending] = useActionState(action, idleState);
  const size = useFileSizeCheck("photo", MAX_PHOTO_BYTES, "photoTooLarge");
  const state = size.shown(sent);
  const error = useFieldError(state)("photo");
  return (
    <div className="flex flex-wrap items-end gap-6">
      {photoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- private, access-checked file
        <img src={photoUrl} alt={t("photoCurrent")} width={96} height={96} className="size-24 rounded-full border border-stone-200 object-cover" />
      ) : null}
      <form action={formAction} onSubmit={size.check} className="flex flex-col gap-3">
        {state.status === "success" && state.notice ? <Alert tone="success">{all(state.notice.key as never)}</Alert> : null}
        <Field name="photo" type="file" accept="image/png,image/jpeg" label={t("photo")} hint={t("photoHint")} error={error} />
        <div className="flex gap-3">
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("photoUpload")}
          </Button>
          {photoUrl ? (
            <Button type="submit" variant="ghost" formAction={removeAction}>
              {t("photoRemove")}
            </Button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
