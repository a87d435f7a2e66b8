"use client";

import { useTransition, type FormEvent } from "react";

/**
 * React resets a form after its `action` runs, and a reset <select> falls back to its first
 * option instead of the value it showed. For long forms, submit through this handler instead:
 * the action still runs (and the form still works without JavaScript through `action`), but
 * nothing the person chose is reset.
 */
export function useSubmitWithoutReset(dispatch: (formData: FormData) => void) {
  const [, startTransition] = useTransition();
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => dispatch(formData));
  };
}
