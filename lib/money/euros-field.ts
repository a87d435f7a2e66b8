import { z } from "zod";
import { eurosToCents } from "./commission";

/**
 * A form field of euros typed by a person ("1 234,56") → integer cents: "required" when empty,
 * "amount" when it is not an amount, is zero (unless `allowZero`) or is above `maxCents`.
 */
export function eurosField({ maxCents, allowZero = false }: { maxCents: number; allowZero?: boolean }) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .transform((value, context) => {
      const cents = eurosToCents(value);
      if (cents === null || cents > maxCents || (!allowZero && cents === 0)) {
        context.addIssue({ code: "custom", message: "amount" });
        return z.NEVER;
      }
      return cents;
    });
}

/**
 * Euros typed by a person → positive cents, refused with `error` otherwise (a price, a
 * milestone's amount); longer than 30 characters is refused before any work.
 */
export function positiveEuros(error: string) {
  return z
    .string({ error })
    .max(30, { error })
    .transform((v, ctx) => {
      const value = eurosToCents(v);
      if (value === null || value <= 0) {
        ctx.addIssue({ code: "custom", message: error });
        return z.NEVER;
      }
      return value;
    });
}
