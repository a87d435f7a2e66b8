"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { Alert } from "./Alert";

/** The top-of-form message: a form-level error, or a summary when fields are wrong. */
export function FormErrorSummary({ state }: { state: FormState }) {
  const t = useTranslations();
  if (state.status !== "error") return null;
  const message = state.formError ? t(state.formError as never) : t("common.formHasErrors");
  return <Alert tone="error">{message}</Alert>;
}

/** Translates a field's error key (from the `validation` namespace). */
export function useFieldError(state: FormState) {
  const t = useTranslations("validation");
  return (field: string) => {
    const key = state.fieldErrors?.[field];
    return key ? t(key as never) : undefined;
  };
}
