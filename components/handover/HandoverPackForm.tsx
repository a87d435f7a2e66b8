"use client";

import { useTranslations } from "next-intl";
import { AttachmentField } from "@/components/attachments/AttachmentField";
import { useAttachmentCheck } from "@/components/attachments/useAttachmentCheck";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { TextAreaField } from "@/components/ui/TextAreaField";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";

interface OpenAccess {
  id: string;
  kindLabel: string;
  label: string;
  holder: string;
}

/**
 * The expert's handover pack: the architecture, backups and restore, admin accounts, updates,
 * the accesses to revoke (ticked from the register) and an optional diagram; kept on a refusal.
 */
export function HandoverPackForm({
  contractId,
  today,
  accesses,
  action,
}: {
  contractId: string;
  today: string;
  accesses: OpenAccess[];
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("handover");
  const { state: sent, formAction, pending, formRef, onSubmit, v, many } = useKeptForm(action);
  const size = useAttachmentCheck();
  const state = size.shown(sent);
  const error = useFieldError(state);
  const ticked = new Set(many("revoke"));
  const revokeError = error("revokeAccessIds");
  const area = (name: string, hint?: string) => (
    <TextAreaField name={name} label={t(name)} hint={hint} maxLength={8000} defaultValue={v(name)} error={error(name)} />
  );
  if (state.status === "success") return <Alert tone="success">{t("delivered")}</Alert>;
  return (
    <form ref={formRef} action={formAction} onSubmit={(event) => size.check(event) && onSubmit(event)} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary state={state} />
      <Alert tone="warning">{t("noSecretsWarning")}</Alert>
      <input type="hidden" name="contractId" value={contractId} />
      {area("architecture", t("architectureHint"))}
      <AttachmentField id="handover-diagram" label={t("diagram")} hint={t("diagramHint")} error={error("file")} />
      {area("backups")}
      {area("restoreProcedure")}
      <Field id="handover-restore-test" name="lastRestoreTestOn" type="date" max={today} label={t("lastRestoreTestOn")} defaultValue={v("lastRestoreTestOn")} error={error("lastRestoreTestOn")} className="max-w-xs" />
      {area("adminAccounts", t("adminAccountsHint"))}
      {area("updateProcedure")}
      <fieldset className="flex flex-col gap-2" aria-describedby={revokeError ? "handover-revoke-hint handover-revoke-error" : "handover-revoke-hint"}>
        <legend className="text-sm font-semibold">{t("toRevokeLegend")}</legend>
        <p id="handover-revoke-hint" className="text-sm text-stone-600">
          {accesses.length > 0 ? t("toRevokeHint") : t("noAccessToRevoke")}
        </p>
        {accesses.map((a) => (
          <label key={a.id} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="revoke" value={a.id} defaultChecked={ticked.has(a.id)} className="size-5" />
            <span>
              {a.kindLabel} — {a.label} ({a.holder})
            </span>
          </label>
        ))}
        {revokeError ? (
          <p id="handover-revoke-error" className="text-sm font-medium text-red-800">
            {revokeError}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending} className="self-start">
        {t("deliver")}
      </Button>
    </form>
  );
}
