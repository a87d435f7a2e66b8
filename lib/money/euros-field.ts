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
