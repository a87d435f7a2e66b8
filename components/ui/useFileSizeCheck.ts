"use client";

import { useState, type FormEvent } from "react";
import type { FormState } from "@/lib/actions/form-state";

/**
 * Refuses the files of `field` before they are sent when `refuse` names an error (a `validation`
 * key; the server refuses them too): uploading megabytes only to hear they are too many wastes
 * the person's time, and a body over the request limit would not even reach the form. `check` is
 * the form's first submit step; `shown` is the form state to display, with the error while it stands.
 */
export function useFileCheck(field: string, refuse: (files: File[]) => string | null) {
  const [error, setError] = useState<string | null>(null);
  const check = (event: FormEvent<HTMLFormElement>): boolean => {
    // A button with its own action (remove the photo) sends no file worth checking.
    if ((event.nativeEvent as SubmitEvent).submitter?.hasAttribute("formaction")) return true;
    const input = event.currentTarget.elements.namedItem(field);
    const found = input instanceof HTMLInputElement ? refuse([...(input.files ?? [])]) : null;
    setError(found);
    if (found) {
      event.preventDefault();
      (input as HTMLInputElement).focus();
    }
    return !found;
  };
  const shown = (state: FormState): FormState => (error ? { status: "error", fieldErrors: { [field]: error }, values: state.values } : state);
  return { check, shown };
}

/** Refuses a file over `maxBytes` before it is sent, with the server's message `errorKey`. */
export function useFileSizeCheck(field: string, maxBytes: number, errorKey: string) {
  return useFileCheck(field, (files) => (files[0] !== undefined && files[0].size > maxBytes ? errorKey : null));
}
