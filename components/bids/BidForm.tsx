"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { RepeatableRows } from "@/components/experts/RepeatableRows";
import { TextAreaField } from "@/components/experts/fields";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { eurosToCents, splitCommission } from "@/lib/money/commission";
import { milestoneRows, milestoneSumGap, normalizeBidValues, type BidFormValues } from "./bid-form-values";
import { bpsToPercent, formatMoney } from "@/lib/money/format";

interface BidFormProps {
  jobId: string;
  commissionBps: number;
  action: (s: FormState, f: FormData) => Promise<FormState>;
  /** To edit a bid: its id (posted as `bidId`) and its current values (see bidToFormValues). */
  bidId?: string;
  initial?: BidFormValues;
  submitLabel?: string;
  /** Shown under the success notice (e.g. back to the job). */
  successLink?: { href: string; label: string };
}

/** The expert's bid, new or edited; the commission and the net amount are shown as the total is typed. */
export function BidForm({ jobId, commissionBps, action, bidId, initial, submitLabel, successLink }: BidFormProps) {
  const t = useTranslations("bids");
  const all = useTranslations();
  const locale = useLocale();
  const { state, formAction, pending, formRef, onSubmit } = useKeptForm(action);
  const error = useFieldError(state);
  // After a refusal: what was typed; before: the bid being edited, if any. Milestone rows numbered 0, 1, 2… as the errors are.
  const source = normalizeBidValues(state.status === "error" ? (state.values ?? {}) : (initial ?? {}));
  const kept = (name: string) => source[name] ?? "";
  const rowCount = Math.max(1, milestoneRows(source).length);
  // A refusal remounts the milestone rows so they show the renumbered values next to their errors.
  const [seenState, setSeenState] = useState(state);
  const [rowsVersion, setRowsVersion] = useState(0);
  if (seenState !== state) {
    setSeenState(state);
    setRowsVersion((v) => v + 1);
  }
  const [pricing, setPricing] = useState(kept("pricing") || "fixed");
  const [total, setTotal] = useState(kept("total"));
  const [rate, setRate] = useState(kept("dailyRate"));
  const [days, setDays] = useState(kept("days"));
  const totalCents = pricing === "fixed" ? eurosToCents(total) : (eurosToCents(rate) ?? 0) * (/^\d+$/.test(days) ? Number(days) : 0) || null;
  const split = totalCents ? splitCommission(totalCents, commissionBps) : null;
  const euros = (cents: number) => formatMoney(cents, locale);
  // The milestones' amounts as typed (uncontrolled rows): read back from the form on every input.
  const [amounts, setAmounts] = useState(() => milestoneRows(source).map((m) => m.amount));
  if (seenState !== state) setAmounts(milestoneRows(source).map((m) => m.amount));
  const readAmounts = () => {
    const form = formRef.current;
    if (!form) return;
    const fields = [...form.querySelectorAll<HTMLInputElement>('input[name^="milestones."][name$=".amount"]')];
    setAmounts(fields.map((field) => field.value));
  };
  const gap = milestoneSumGap(amounts, totalCents);
  const gapText = gap
    ? t(gap.gapCents === 0 ? "milestoneSumOk" : gap.gapCents > 0 ? "milestoneSumShort" : "milestoneSumOver", {
        sum: euros(gap.sumCents),
        total: euros(gap.totalCents),
        gap: euros(Math.abs(gap.gapCents)),
      })
    : null;
  // After a refusal for the sum, the message says by how much, from what was submitted.
  const milestonesError = state.fieldErrors?.milestones === "milestoneSum" && gapText ? t("milestoneSumError", { detail: gapText }) : error("milestones");
  if (state.status === "success" && state.notice) {
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="success">{all(state.notice.key as never)}</Alert>
        {successLink ? (
          <p>
            <Link href={successLink.href} className="font-medium text-brand-900 underline underline-offset-4">
              {successLink.label}
            </Link>
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onInput={readAmounts} onClick={(e) => (e.target as HTMLElement).closest("button") && setTimeout(readAmounts, 0)} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      {bidId ? <input type="hidden" name="bidId" value={bidId} /> : null}
      <fieldset>
        <legend className="font-semibold">{t("pricing")}</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {(["fixed", "daily"] as const).map((p) => (
            <label key={p} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="pricing" value={p} checked={pricing === p} onChange={() => setPricing(p)} className="size-5 accent-brand-800" />
              {t(`pricing_${p}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {pricing === "fixed" ? (
        <Field name="total" inputMode="decimal" label={t("total")} hint={t("totalHint")} value={total} onChange={(e) => setTotal(e.target.value)} error={error("total")} className="max-w-xs" />
      ) : (
        <div className="grid max-w-xl gap-4 sm:grid-cols-2">
          <Field name="dailyRate" inputMode="decimal" label={t("dailyRate")} value={rate} onChange={(e) => setRate(e.target.value)} error={error("dailyRate")} />
          <Field name="days" inputMode="numeric" label={t("days")} value={days} onChange={(e) => setDays(e.target.value)} error={error("days")} />
        </div>
      )}
      <p aria-live="polite" className="rounded-md bg-brand-50 p-3 text-sm text-brand-900">
        {split
          ? t("netPreview", { total: euros(totalCents ?? 0), commission: euros(split.commissionCents), net: euros(split.netCents), rate: bpsToPercent(commissionBps) })
          : t("netPreviewEmpty", { rate: bpsToPercent(commissionBps) })}
      </p>
      <div className="grid max-w-xl gap-4 sm:grid-cols-2">
        <Field name="durationDays" type="number" min={1} label={t("durationDays")} defaultValue={kept("durationDays")} error={error("durationDays")} />
        <Field name="startOn" type="date" label={t("startOn")} defaultValue={kept("startOn")} error={error("startOn")} />
      </div>
      <TextAreaField name="method" label={t("method")} hint={t("methodHint")} rows={6} defaultValue={kept("method")} error={error("method")} />
      {milestonesError ? <Alert tone="error">{milestonesError}</Alert> : null}
      <RepeatableRows
        key={rowsVersion}
        initialCount={rowCount}
        max={12}
        legend={t("milestones")}
        addLabel={t("addMilestone")}
        removeLabel={(n) => t("removeMilestone", { n })}
        renderRow={(i) => (
          <>
            <Field name={`milestones.${i}.title`} label={t("milestoneTitle")} defaultValue={kept(`milestones.${i}.title`)} error={error(`milestones.${i}.title`)} className="min-w-56 flex-[2]" />
            <Field name={`milestones.${i}.amount`} inputMode="decimal" label={t("milestoneAmount")} defaultValue={kept(`milestones.${i}.amount`)} error={error(`milestones.${i}.amount`)} className="w-36" />
            <Field name={`milestones.${i}.dueOn`} type="date" label={t("milestoneDue")} defaultValue={kept(`milestones.${i}.dueOn`)} error={error(`milestones.${i}.dueOn`)} className="w-44" />
          </>
        )}
      />
      {gapText ? (
        <p aria-live="polite" className={`text-sm ${gap?.gapCents === 0 ? "text-green-900" : "font-semibold text-amber-900"}`}>
          {gapText}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="self-start">
        {submitLabel ?? t("send")}
      </Button>
    </form>
  );
}
