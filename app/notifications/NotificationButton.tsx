"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface NotificationButtonProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The notification marked read, or none for "mark all". */
  id?: string;
  label: string;
  /** The accessible name when the visible label alone is ambiguous (one button per row). */
  ariaLabel?: string;
}

/** A one-button form (mark one or all read); a refusal is shown above it, translated. */
export function NotificationButton({ action, id, label, ariaLabel }: NotificationButtonProps) {
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormErrorSummary state={state} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-label={ariaLabel}>
        {label}
      </Button>
    </form>
  );
}
