"use client";

import { useState, type FormEvent } from "react";
import type { FormState } from "@/lib/actions/form-state";

/**
 * Refuses a file over `maxBytes` before it is sent (the server refuses it too): uploading
 * megabytes only to hear they are too many wastes the person's time, and a body over the
 * request limit would not even reach the form. `check` is the form's first submit step;
 * `shown` is the form state to display, with the file's error while it stands.
 */
export function useFileSizeCheck(field: string, maxBytes: number, errorKey: string) {
  const [tooLarge, setTooLarge] = useState(false);
  const check = (event: FormEvent<HTMLFormElement>): boolean => {
    // A button with its own action (remove the photo) sends no file worth checking.
    if ((event.nativeEvent as SubmitEvent).submitter?.hasAttribute("formaction")) return true;
    const input = event.currentTarget.elements.namedItem(field);
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const over = file !== undefined && file.size > maxBytes;
    setTooLarge(over);
    if (over) {
      event.preventDefault();
      (input as HTMLInputElement).focus();
    }
    return !over;
  };
  const shown = (state: FormState): FormState => (tooLarge ? { status: "error", fieldErrors: { [field]: errorKey }, values: state.values } : state);
  return { check, shown };
}
