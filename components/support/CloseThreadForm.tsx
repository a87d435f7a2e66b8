"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

/** An admin closes a settled support thread. */
export function CloseThreadForm({ threadId, action }: { threadId: string; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const t = useTranslations("support");
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      <input type="hidden" name="threadId" value={threadId} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("close")}
        </Button>
      </div>
    </form>
  );
}
