"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface AcceptInvitationFormProps {
  token: string;
  label: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

export function AcceptInvitationForm({ token, label, action }: AcceptInvitationFormProps) {
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormErrorSummary state={state} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending} className="self-start">
        {label}
      </Button>
    </form>
  );
}
