"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

/** One button whose action sends the person elsewhere (Stripe's pages); a refusal shows above it. */
export function RedirectActionForm({
  label,
  variant = "primary",
  action,
}: {
  label: string;
  variant?: "primary" | "secondary";
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      <Button type="submit" variant={variant} disabled={pending} className="self-start">
        {label}
      </Button>
    </form>
  );
}
