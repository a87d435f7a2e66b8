"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";
import type { CategorySetting } from "@/lib/notifications/settings";

interface SettingsFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  settings: CategorySetting[];
}

/** One checkbox per category; the locked ones are shown checked and disabled, with the reason. */
export function SettingsForm({ action, settings }: SettingsFormProps) {
  const t = useTranslations("notifications");
  const [state, formAction, pending] = useActionState(action, idleState);
  const rows: { key: string; label: string; email: boolean; reason: string | null }[] = [
    ...settings.map((s) => ({
      key: s.category,
      label: t(`categories.${s.category}`),
      email: s.email,
      reason: s.lockedReason ? t(`settings.${s.lockedReason}Reason`) : null,
    })),
    { key: "signIn", label: t("categories.signIn"), email: true, reason: t("settings.signInReason") },
  ];
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4">
      <FormErrorSummary state={state} />
      <fieldset className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
        <legend className="px-1 text-lg font-semibold">{t("settings.legend")}</legend>
        {rows.map((row) => (
          <div key={row.key} className="flex items-start gap-3">
            <input
              id={`email-${row.key}`}
              type="checkbox"
              name={row.reason ? undefined : "email"}
              value={row.key}
              defaultChecked={row.email}
              disabled={row.reason !== null}
              aria-describedby={row.reason ? `reason-${row.key}` : undefined}
              className="mt-1 size-5 shrink-0"
            />
            <div className="flex flex-col">
              <label htmlFor={`email-${row.key}`} className="font-medium text-stone-900">
                {row.label}
                {row.reason ? <span className="ml-2 inline-flex items-center gap-1 rounded bg-stone-100 px-2 py-0.5 text-xs font-semibold text-stone-700">
                    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
                      <rect x="4" y="11" width="16" height="10" rx="2" />
                      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
                    </svg>
                    {t("settings.locked")}
                  </span> : null}
              </label>
              {row.reason ? (
                <p id={`reason-${row.key}`} className="text-sm text-stone-600">
                  {row.reason}
                </p>
              ) : null}
            </div>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {t("settings.save")}
        </Button>
        <p role="status" aria-live="polite" className="text-sm font-medium text-green-900">
          {state.status === "success" ? t("settingsSaved") : ""}
        </p>
      </div>
    </form>
  );
}
