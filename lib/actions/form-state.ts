import { PolicyError } from "@/lib/auth/policy";

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

/** The text fields of a submitted form, to send back on error (files and `$ACTION` keys left out). */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/**
 * Runs the body of a form action: a policy refusal becomes a translated "forbidden" state, and
 * any unexpected error is logged and shown as a generic message, never its text.
 */
export async function guardedAction(formData: FormData, body: () => Promise<FormState>): Promise<FormState> {
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

/** Next's redirect()/notFound() work by throwing; those must pass through. */
function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
