"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { RepeatableRows } from "@/components/experts/RepeatableRows";
import { SelectField, TextAreaField } from "@/components/experts/fields";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { MAX_OFFER_EXTRAS, MAX_OFFER_MILESTONES } from "@/lib/offers/schemas";
import { formRows, normalizeOfferValues, type OfferFormValues } from "./offer-form-values";

const KINDS = ["installation", "support_one_off", "support_monthly", "training"] as const;

interface OfferFormProps {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  catalog: { id: string; name: string }[];
  /** To edit an offer: its id (posted as `offerId`) and its values. */
  offerId?: string;
  initial?: OfferFormValues;
}

/** The expert's fixed-price offer, new or edited: what it is, its price in milestones, extras, where, and the client's questions. */
export function OfferForm({ action, catalog, offerId, initial }: OfferFormProps) {
  const t = useTranslations("offers");
  const { state, formAction, pending, formRef, onSubmit } = useKeptForm(action);
  const error = useFieldError(state);
  const source = normalizeOfferValues(state.status === "error" ? (state.values ?? {}) : (initial ?? {}));
  const kept = (name: string) => source[name] ?? "";
  // A refusal remounts the rows so they show the renumbered values next to their errors.
  const [seenState, setSeenState] = useState(state);
  const [rowsVersion, setRowsVersion] = useState(0);
  if (seenState !== state) {
    setSeenState(state);
    setRowsVersion((v) => v + 1);
  }
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormErrorSummary state={state} />
      {offerId ? <input type="hidden" name="offerId" value={offerId} /> : null}
      <Field name="title" label={t("fieldTitle")} hint={t("fieldTitleHint")} defaultValue={kept("title")} error={error("title")} maxLength={120} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="softwareId" label={t("fieldSoftware")} defaultValue={kept("softwareId")} error={error("softwareId")}>
          <option value="">{t("choose")}</option>
          {catalog.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="kind" label={t("fieldKind")} defaultValue={kept("kind") || "installation"} error={error("kind")}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind_${kind}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField name="summary" label={t("fieldSummary")} hint={t("fieldSummaryHint")} rows={3} defaultValue={kept("summary")} error={error("summary")} />
      <TextAreaField name="included" label={t("fieldIncluded")} hint={t("fieldIncludedHint")} rows={5} defaultValue={kept("included")} error={error("included")} />
      <TextAreaField name="excluded" label={t("fieldExcluded")} rows={3} defaultValue={kept("excluded")} error={error("excluded")} />
      <TextAreaField name="prerequisites" label={t("fieldPrerequisites")} hint={t("fieldPrerequisitesHint")} rows={2} defaultValue={kept("prerequisites")} error={error("prerequisites")} />
      <div className="grid max-w-xl gap-4 sm:grid-cols-2">
        <Field name="hostingMin" inputMode="decimal" label={t("fieldHostingMin")} optionalLabel={t("optional")} defaultValue={kept("hostingMin")} error={error("hostingMin")} />
        <Field name="hostingMax" inputMode="decimal" label={t("fieldHostingMax")} optionalLabel={t("optional")} defaultValue={kept("hostingMax")} error={error("hostingMax")} />
      </div>
      <div className="grid max-w-xl gap-4 sm:grid-cols-2">
        <Field name="price" inputMode="decimal" label={t("fieldPrice")} hint={t("fieldPriceHint")} defaultValue={kept("price")} error={error("price")} />
        <Field name="deliveryDays" type="number" min={1} max={365} label={t("fieldDeliveryDays")} defaultValue={kept("deliveryDays")} error={error("deliveryDays")} />
      </div>
      {error("milestones") ? <Alert tone="error">{error("milestones")}</Alert> : null}
      <RepeatableRows
        key={`m${rowsVersion}`}
        initialCount={Math.max(1, formRows(source, "milestones", ["title", "amount"]).length)}
        max={MAX_OFFER_MILESTONES}
        legend={t("milestones")}
        addLabel={t("addMilestone")}
        removeLabel={(n) => t("removeMilestone", { n })}
        renderRow={(i) => (
          <>
            <Field name={`milestones.${i}.title`} label={t("milestoneTitle")} defaultValue={kept(`milestones.${i}.title`)} error={error(`milestones.${i}.title`)} className="min-w-56 flex-[2]" />
            <Field name={`milestones.${i}.amount`} inputMode="decimal" label={t("milestoneAmount")} defaultValue={kept(`milestones.${i}.amount`)} error={error(`milestones.${i}.amount`)} className="w-36" />
          </>
        )}
      />
      <RepeatableRows
        key={`e${rowsVersion}`}
        initialCount={formRows(source, "extras", ["title", "price"]).length}
        max={MAX_OFFER_EXTRAS}
        legend={t("extras")}
        addLabel={t("addExtra")}
        removeLabel={(n) => t("removeExtra", { n })}
        renderRow={(i) => (
          <>
            <Field name={`extras.${i}.title`} label={t("extraTitle")} defaultValue={kept(`extras.${i}.title`)} error={error(`extras.${i}.title`)} className="min-w-56 flex-[2]" />
            <Field name={`extras.${i}.price`} inputMode="decimal" label={t("extraPrice")} defaultValue={kept(`extras.${i}.price`)} error={error(`extras.${i}.price`)} className="w-36" />
          </>
        )}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="text-base font-semibold">{t("where")}</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="remote" defaultChecked={kept("remote") === "on"} className="size-5 accent-brand-800" />
          {t("fieldRemote")}
        </label>
        <Field name="departements" label={t("fieldDepartements")} hint={t("fieldDepartementsHint")} defaultValue={kept("departements")} error={error("departements")} className="max-w-xl" />
      </fieldset>
      <TextAreaField name="questions" label={t("fieldQuestions")} hint={t("fieldQuestionsHint")} rows={4} defaultValue={kept("questions")} error={error("questions")} />
      <Button type="submit" disabled={pending} className="self-start">
        {offerId ? t("save") : t("create")}
      </Button>
    </form>
  );
}
