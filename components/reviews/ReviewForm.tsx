"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { useFocusRadioError } from "@/components/payments/useFocusRadioError";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "@/components/ui/FormErrorSummary";
import { useFocusFirstError } from "@/components/ui/useFocusFirstError";
import { idleState, type FormState } from "@/lib/actions/form-state";
import { RatingStars } from "./RatingStars";

const RATINGS = [1, 2, 3, 4, 5] as const;
const COMMENT_MAX = 2000;

/**
 * One side's review of the other: a rating from 1 to 5 (a radio group, each value said in
 * words) and an optional comment. What was typed is kept when the review is refused.
 */
export function ReviewForm({
  contractId,
  side,
  party,
  action,
}: {
  contractId: string;
  /** The author's side: the client's comment is published on the expert's profile. */
  side: "client" | "expert";
  /** Who is reviewed (the expert's name, or the client organisation's). */
  party: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("reviews");
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  useFocusRadioError(state, formRef, "rating");
  const id = useId();
  const fieldError = (field: string) => {
    const code = state.fieldErrors?.[field];
    return code ? t(`fieldError_${code}`, { max: COMMENT_MAX }) : undefined;
  };
  const ratingError = fieldError("rating");
  const commentError = fieldError("comment");
  const commentDescribed = [`${id}-comment-hint`, commentError ? `${id}-comment-error` : null].filter(Boolean).join(" ");
  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4" noValidate>
      <h3 className="font-semibold">{t("formTitle", { party })}</h3>
      <FormErrorSummary state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <fieldset aria-describedby={ratingError ? `${id}-rating-error` : undefined}>
        <legend className="text-sm font-semibold">{t("ratingLegend")}</legend>
        <div className="mt-2 flex flex-col gap-1">
          {RATINGS.map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-3 text-sm">
              <input
                type="radio"
                name="rating"
                value={value}
                required
                defaultChecked={state.values?.rating === String(value)}
                className="size-5 accent-brand-800"
              />
              <RatingStars value={value} label={t("ratingValue", { value })} />
            </label>
          ))}
        </div>
        {ratingError ? (
          <p id={`${id}-rating-error`} className="mt-1 text-sm font-medium text-red-800">
            {ratingError}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-comment`} className="text-sm font-semibold">
          {t("commentLabel")}
        </label>
        <p id={`${id}-comment-hint`} className="text-sm text-stone-600">
          {t(side === "client" ? "commentHintClient" : "commentHintExpert", { max: COMMENT_MAX })}
        </p>
        <textarea
          id={`${id}-comment`}
          name="comment"
          rows={5}
          maxLength={COMMENT_MAX}
          defaultValue={state.values?.comment ?? ""}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentDescribed}
          className={`min-h-11 rounded-md border bg-white px-3 py-2 text-base text-stone-900 ${commentError ? "border-red-700" : "border-stone-400"}`}
        />
        {commentError ? (
          <p id={`${id}-comment-error`} className="text-sm font-medium text-red-800">
            {commentError}
          </p>
        ) : null}
      </div>
      <p id={`${id}-final`} className="text-sm text-stone-700">
        {t("final")}
      </p>
      <Button type="submit" disabled={pending} aria-describedby={`${id}-final`} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
