"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

/** One button posting to a server action (with optional hidden fields); shows the refusal if any. */
export function SimpleActionForm({
  label,
  hidden = {},
  action,
}: {
  label: string;
  hidden?: Record<string, string>;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" disabled={pending} className="self-start">
        {label}
      </Button>
    </form>
  );
}
