"use client";

import { useEffect, type RefObject } from "react";
import type { FormState } from "@/lib/actions/form-state";

/**
 * Radios cannot carry aria-invalid; when a radio group is the first refused field, its first
 * radio gets the keyboard focus instead (run after useFocusFirstError, it takes precedence).
 */
export function useFocusRadioError(state: FormState, formRef: RefObject<HTMLFormElement | null>, name: string) {
  useEffect(() => {
    if (state.status !== "error" || !state.fieldErrors?.[name]) return;
    formRef.current?.querySelector<HTMLInputElement>(`input[type="radio"][name="${name}"]`)?.focus();
  }, [state, formRef, name]);
}
