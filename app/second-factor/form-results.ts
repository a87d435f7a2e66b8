import type { CodesFormState } from "@/components/second-factor/SecondFactorForm";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import type { Result } from "@/lib/result";

/** A refused code as a form state: field errors for bad input, else a translated reason. */
export function refusedCode(result: { error: string; fields?: Record<string, string> }, values: Record<string, string>): FormState {
  if (result.error === "invalid") return { status: "error", fieldErrors: result.fields, values };
  return { status: "error", formError: `secondFactor.error_${result.error}`, fieldErrors: result.fields, values };
}

/** Runs a use case that answers with fresh recovery codes, to show once. */
export async function recoveryCodesAction(
  formData: FormData,
  run: (values: Record<string, string>) => Promise<Result<{ recoveryCodes: string[] }>>,
): Promise<CodesFormState> {
  const values = submittedValues(formData);
  // guardedAction types its answer as a plain FormState; the codes ride along with it.
  return guardedAction(formData, async (): Promise<CodesFormState> => {
    const result = await run(values);
    return result.ok ? { status: "success", recoveryCodes: result.value.recoveryCodes } : refusedCode(result, values);
  }) as Promise<CodesFormState>;
}
