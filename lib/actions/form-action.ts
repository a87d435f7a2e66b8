import type { z } from "zod";
import type { Result } from "@/lib/result";
import { fieldErrors } from "./field-errors";
import { guardedAction, submittedValues, type FormState } from "./form-state";

/** A form's text fields, as typed. */
export type FormValues = Record<string, string>;

/**
 * One form action: what the form sends, the use case it feeds, and how its answer is shown.
 * `S` is the schema from the form's text to the use case's input; `T` and `E` the use case's
 * value and refusal codes; `R` the form's state (a FormState, with extras such as recovery codes).
 */
export interface FormActionSpec<S extends z.ZodType, T, E extends string, R extends FormState = FormState> {
  /** The form's text fields (default: each field's value; `formDataToValues` joins repeated ones). */
  read?: (formData: FormData) => FormValues;
  /**
   * From the form's text to the use case's input: fields read, enums and numbers parsed, never
   * cast. A refusal is shown as field errors (keys of the `validation` namespace), like the use
   * case's own "invalid".
   */
  schema: S;
  /** The use case, for the signed-in person (it checks its own policy). */
  run: (input: z.output<S>, formData: FormData) => Promise<Result<T, E | "invalid">>;
  /**
   * Message key (`namespace.key`) for a refusal the form shows as a whole (default: the generic
   * error): any code but "invalid" with per-field codes; an "invalid" without any (an id that is
   * not one) comes here too. Nothing (undefined) for a refusal whose per-field codes say it all.
   */
  refused?: (code: E | "invalid") => string | undefined;
  /**
   * The state after success (revalidate here; a notice, or `redirect()`): plain success when
   * omitted. It also gets what the form sent, to keep some of it.
   */
  done?: (value: T, input: z.output<S>, values: FormValues) => R | Promise<R>;
}

/**
 * Runs a form action through `guardedAction`: the form's text parsed by the schema, the use case
 * run, and its answer as the form's state. A refusal keeps what was typed (`values`) so the form
 * shows it again; "invalid" with per-field codes becomes field errors, any other code the message
 * `refused` names.
 */
export async function formAction<S extends z.ZodType, T, E extends string, R extends FormState = FormState>(
  formData: FormData,
  spec: FormActionSpec<S, T, E, R>,
): Promise<R | FormState> {
  const values = (spec.read ?? submittedValues)(formData);
  return guardedAction(formData, async (): Promise<R | FormState> => {
    const parsed = spec.schema.safeParse(values);
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error), values };
    const result = await spec.run(parsed.data, formData);
    if (!result.ok) return refusal(result, values, spec.refused);
    return spec.done ? spec.done(result.value, parsed.data, values) : { status: "success" };
  });
}

function refusal<E extends string>(
  result: { error: E | "invalid"; fields?: Record<string, string> },
  values: FormValues,
  refused: ((code: E | "invalid") => string | undefined) | undefined,
): FormState {
  if (result.error === "invalid" && result.fields) return { status: "error", fieldErrors: result.fields, values };
  const formError = refused?.(result.error) ?? (result.fields ? undefined : "common.genericError");
  return { status: "error", ...(formError ? { formError } : {}), ...(result.fields ? { fieldErrors: result.fields } : {}), values };
}
