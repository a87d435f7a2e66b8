"use client";

import { useActionState } from "react";
import { idleState, type FormState } from "@/lib/actions/form-state";
import { useFocusFirstError } from "./useFocusFirstError";
import { useSubmitWithoutReset } from "./useSubmitWithoutReset";

/**
 * A server-action form that keeps what was typed: after a refusal the fields show the values
 * sent back (`v`, and `many` for newline-joined lists), focus goes to the first invalid field,
 * and a submission never resets the form.
 */
export function useKeptForm(action: (state: FormState, formData: FormData) => Promise<FormState>, initialValues: Record<string, string> = {}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useFocusFirstError(state);
  const onSubmit = useSubmitWithoutReset(formAction);
  const values = state.status === "error" && state.values ? state.values : initialValues;
  const v = (name: string) => values[name] ?? "";
  const many = (name: string) => v(name).split("\n").filter(Boolean);
  return { state, formAction, pending, formRef, onSubmit, values, v, many };
}
