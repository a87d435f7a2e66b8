import type { z } from "zod";
import type { CodesFormState } from "@/components/second-factor/SecondFactorForm";
import { formAction } from "@/lib/actions/form-action";
import type { Result } from "@/lib/result";

/** A refused code's message (the field that was wrong is said too, when the use case names it). */
export const secondFactorRefused = (code: string) => `secondFactor.error_${code}`;

/** Runs a use case that answers with fresh recovery codes, to show once. */
export async function recoveryCodesAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (input: z.output<S>) => Promise<Result<{ recoveryCodes: string[] }>>,
): Promise<CodesFormState> {
  return formAction(formData, {
    schema,
    run,
    refused: secondFactorRefused,
    done: ({ recoveryCodes }): CodesFormState => ({ status: "success", recoveryCodes }),
  });
}
