"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";

/** After a refused submission, moves keyboard focus to the first invalid field (RGAA 11.10). */
export function useFocusFirstError(state: FormState) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status !== "error") return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return formRef;
}
