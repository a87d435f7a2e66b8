import { PolicyError } from "@/lib/auth/policy-error";
import { isCleanText, withoutInvalidText } from "@/lib/text/clean";

/**
 * What a form action returns to `useActionState`. Errors are message keys (translated by the
 * form), and `values` echoes what the person typed so that nothing is lost on a refusal.
 */
export interface FormState {
  status: "idle" | "error" | "success";
  /** Key in the `validation` namespace, per field. */
  fieldErrors?: Record<string, string>;
  /** Full message key (`namespace.key`) for the whole form. */
  formError?: string;
  /** Full message key for a success notice, with its values. */
  notice?: { key: string; values?: Record<string, string> };
  values?: Record<string, string>;
}

export const idleState: FormState = { status: "idle" };

/**
 * Longest text echoed back per field: the longest any form takes (a bid's method, a job's
 * confidential details, 10,000 characters). Every schema refuses more, so a refused form never
 * sends back more than it could have kept.
 */
export const MAX_ECHOED_CHARS = 10_000;

/** What reached a server action really is a form (a hand-made request may send anything). */
export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}

/** A text field of the form, or "" (no form, no such field, or a file where text was expected). */
export function formText(formData: unknown, key: string): string {
  if (!isFormData(formData)) return "";
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/** An echoed value: at most MAX_ECHOED_CHARS, without characters the form refuses. */
export function echoedText(value: string): string {
  return withoutInvalidText(value.slice(0, MAX_ECHOED_CHARS));
}

/**
 * The text fields of a submitted form, as typed (files and `$ACTION` keys left out): the input
 * of the use case, and what is sent back on error (`guardedAction` caps what it echoes).
 */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  if (!isFormData(formData)) return values;
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/**
 * The boundary every form goes through before its action reads it: no form data at all, or
 * text a database would refuse (NUL, invalid UTF-8), is refused here with the form's usual
 * answer, never a 500.
 */
function refuseMalformed(formData: unknown): FormState | null {
  if (!isFormData(formData)) {
    console.error("[action] malformed request: no form data");
    return { status: "error", formError: "common.invalidRequest" };
  }
  const fieldErrors: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !isCleanText(value)) fieldErrors[key] = "invalidCharacters";
  }
  if (Object.keys(fieldErrors).length === 0) return null;
  return { status: "error", formError: "common.invalidCharacters", fieldErrors, values: submittedValues(formData) };
}

/**
 * Runs the body of a form action: a malformed form is refused before it runs, a policy refusal
 * becomes a translated "forbidden" state, and any unexpected error is logged and shown as a
 * generic message, never its text.
 */
export async function guardedAction(formData: FormData, body: () => Promise<FormState>): Promise<FormState> {
  return capEchoedValues(refuseMalformed(formData) ?? (await runGuarded(formData, body)));
}

async function runGuarded(formData: FormData, body: () => Promise<FormState>): Promise<FormState> {
  try {
    return await body();
  } catch (error) {
    if (isNavigationSignal(error)) throw error;
    const values = submittedValues(formData);
    if (error instanceof PolicyError) {
      return {
        status: "error",
        formError: { unauthenticated: "common.signInAgain", forbidden: "common.forbidden", second_factor_required: "common.secondFactorRequired" }[error.code],
        values,
      };
    }
    console.error("[action] unexpected error", error);
    return { status: "error", formError: "common.genericError", values };
  }
}

/** Whatever a form action echoes: each value within MAX_ECHOED_CHARS, without refused characters. */
export function capEchoedValues(state: FormState): FormState {
  if (!state.values) return state;
  return { ...state, values: Object.fromEntries(Object.entries(state.values).map(([key, value]) => [key, echoedText(value)])) };
}

/** Next's redirect()/notFound() work by throwing; those must pass through. */
function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
