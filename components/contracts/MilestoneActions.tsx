"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useId } from "react";
import { AttachmentField } from "@/components/attachments/AttachmentField";
import { useAttachmentCheck } from "@/components/attachments/useAttachmentCheck";
import { Button } from "@/components/ui/Button";
import { TextAreaField as NoteField } from "@/components/ui/TextAreaField";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { useFocusRadioError } from "@/components/payments/useFocusRadioError";
import { idleState, type FormState } from "@/lib/actions/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

interface MilestoneFormProps {
  contractId: string;
  milestoneId: string;
  action: Action;
}

/** The ids every milestone form posts (several milestones share one page). */
function Hidden({ contractId, milestoneId }: { contractId: string; milestoneId: string }) {
  return (
    <>
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
    </>
  );
}

/** "Fund this milestone": the use case opens (or reopens) the Checkout session and we go there. */
export function FundMilestoneForm({ contractId, milestoneId, action, resume }: MilestoneFormProps & { resume: boolean }) {
  const t = useTranslations("payments");
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormErrorSummary state={state} />
      <Hidden contractId={contractId} milestoneId={milestoneId} />
      <p className="text-sm text-stone-700">{t("fundExplain")}</p>
      <Button type="submit" disabled={pending} className="self-start">
        {resume ? t("fundResume") : t("fund")}
      </Button>
    </form>
  );
}

/** The expert's delivery: a required note and an optional file, kept when the submission is refused. */
export function DeliverMilestoneForm({ contractId, milestoneId, action }: MilestoneFormProps) {
  const t = useTranslations("payments");
  const { state: sent, formAction, pending, formRef, onSubmit } = useKeptForm(action);
  const size = useAttachmentCheck();
  const state = size.shown(sent);
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={(event) => size.check(event) && onSubmit(event)} className="flex flex-col gap-3" noValidate>
      <FormErrorSummary state={state} />
      {state.formError === "payments.error_mandate_required" ? (
        <p>
          <Link href="/expert/billing-mandate" className="font-semibold text-brand-900 underline underline-offset-4">
            {t("acceptMandateLink")}
          </Link>
        </p>
      ) : null}
      <Hidden contractId={contractId} milestoneId={milestoneId} />
      <NoteField
        name="note"
        label={t("deliveryNote")}
        hint={t("deliveryNoteHint")}
        minLength={10}
        maxLength={5000}
        defaultValue={state.values?.note ?? ""}
        error={error("note")}
      />
      <AttachmentField id={`delivery-file-${milestoneId}`} error={error("file")} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("markDelivered")}
      </Button>
    </form>
  );
}

const REASONS = ["not_delivered", "not_as_agreed", "quality", "other"] as const;

/** The client's dispute: a reason, an explanation and an optional file; folded until asked for, open again on a refusal. */
export function DisputeForm({ contractId, milestoneId, action }: MilestoneFormProps) {
  const t = useTranslations("payments");
  const { state: sent, formAction, pending, formRef, onSubmit } = useKeptForm(action);
  const size = useAttachmentCheck();
  const state = size.shown(sent);
  useFocusRadioError(state, formRef, "reason");
  const error = useFieldError(state);
  const id = useId();
  const reasonError = error("reason");
  return (
    <details open={state.status === "error" ? true : undefined} className="rounded-md border border-stone-300 p-4">
      <summary className="cursor-pointer font-semibold">{t("openDispute")}</summary>
      <form ref={formRef} action={formAction} onSubmit={(event) => size.check(event) && onSubmit(event)} className="mt-3 flex flex-col gap-4" noValidate>
        <p className="text-sm text-stone-700">{t("disputeExplain")}</p>
        <FormErrorSummary state={state} />
        <Hidden contractId={contractId} milestoneId={milestoneId} />
        <fieldset>
          <legend className="text-sm font-semibold">{t("disputeReason")}</legend>
          <div className="mt-2 flex flex-col gap-1">
            {REASONS.map((reason) => (
              <label key={reason} className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="reason"
                  value={reason}
                  defaultChecked={state.values?.reason === reason}
                  aria-describedby={reasonError ? `${id}-reason-error` : undefined}
                  className="size-5 accent-brand-800"
                />
                {t(`reason_${reason}`)}
              </label>
            ))}
          </div>
          {reasonError ? (
            <p id={`${id}-reason-error`} className="text-sm font-medium text-red-800">
              {reasonError}
            </p>
          ) : null}
        </fieldset>
        <NoteField
          name="text"
          label={t("disputeText")}
          hint={t("disputeTextHint")}
          minLength={20}
          maxLength={5000}
          defaultValue={state.values?.text ?? ""}
          error={error("text")}
        />
        <AttachmentField id={`dispute-file-${milestoneId}`} error={error("file")} />
        <Button type="submit" variant="danger" disabled={pending} className="self-start">
          {t("openDisputeButton")}
        </Button>
      </form>
    </details>
  );
}
