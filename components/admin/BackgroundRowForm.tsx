"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface BackgroundRowFormProps {
  /** Hidden fields naming the row (jobId or emailId) and, for jobs, the intent. */
  fields: Record<string, string>;
  label: string;
  /** What the button acts on, for screen readers ("Relancer — deliver_email n° 12"). */
  subject: string;
  variant?: "secondary" | "danger";
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

/** One button of a row of the jobs page (retry, abandon), with the outcome read out next to it. */
export function BackgroundRowForm({ fields, label, subject, variant = "secondary", action }: BackgroundRowFormProps) {
  const all = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  const message =
    state.status === "error" && state.formError ? all(state.formError as never) : state.status === "success" && state.notice ? all(state.notice.key as never) : null;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} aria-label={`${label} — ${subject}`}>
        {label}
      </Button>
      <p role="status" className={`text-sm ${state.status === "error" ? "text-red-800" : "text-green-800"}`}>
        {message}
      </p>
    </form>
  );
}
