"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

/** The box to tick and the button that records the acceptance; works without JavaScript. */
export function AcceptVersionsForm({ action, callbackUrl, shown }: { action: (state: FormState, formData: FormData) => Promise<FormState>; callbackUrl: string; shown: string }) {
  const t = useTranslations("legalVersions");
  const [state, formAction, pending] = useActionState(action, idleState);
  const error = useFieldError(state)("confirm");
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" name="shown" value={shown} />
      <div className="flex items-start gap-3">
        <input
          id="legal-confirm"
          name="confirm"
          type="checkbox"
          value="yes"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "legal-confirm-error" : undefined}
          className="mt-0.5 size-5 shrink-0 rounded border-stone-400 accent-brand-700"
        />
        <label htmlFor="legal-confirm" className="font-semibold text-stone-900">
          {t("confirm")}
        </label>
      </div>
      {error ? (
        <p id="legal-confirm-error" className="text-sm font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
