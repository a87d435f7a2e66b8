"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { idleState, type FormState } from "@/lib/actions/form-state";

/** A party's "nothing more to add": with the other side's, the admin may decide before the window ends. */
export function ReadyForDecisionForm({ disputeId, ready, action }: { disputeId: string; ready: boolean; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("disputes");
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <section aria-labelledby="dispute-ready" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="dispute-ready" className="text-lg font-semibold">{t("readyHeading")}</h2>
      <p className="text-sm text-stone-700">{t("readyExplain")}</p>
      {ready ? (
        <p className="font-medium text-green-900">{t("readyDone")}</p>
      ) : (
        <form action={formAction} className="flex flex-col gap-3">
          <FormErrorSummary state={state} />
          <input type="hidden" name="disputeId" value={disputeId} />
          <Button type="submit" variant="secondary" disabled={pending} className="self-start">
            {t("readyButton")}
          </Button>
        </form>
      )}
    </section>
  );
}
