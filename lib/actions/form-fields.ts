import { z } from "zod";

/**
 * The fields a form sends, as the schemas of form actions read them (see form-action.ts). The
 * form's text is what the browser sent: a field may be missing (a hand-made request), so each
 * reader says what a missing one means.
 */

/** A text field; missing is "" (the use case says whether it may be empty). */
export const text = () => z.string().default("");

/** A text field kept as sent; missing stays undefined (an optional field of the use case). */
export const optionalText = () => z.string().optional();

/** A text field where "" means "not given" (a link's key, an optional ground). */
export const textOrNone = () =>
  z
    .string()
    .optional()
    .transform((value) => value || undefined);

/** A confirmation box the person must tick (`value="yes"`). */
export const confirmed = () => z.literal("yes", { error: "confirmRequired" });

/** A checkbox: on when sent with `value`, else off. */
export const checkbox = (value = "on") =>
  z
    .string()
    .optional()
    .transform((sent) => sent === value);
