import { z } from "zod";

/**
 * One of a list of values, read from a form's text: the use case takes the text as sent (its
 * input type is `string`, so a form action passes it on without a cast) and refuses any other
 * value with `error`, like `z.enum` does.
 */
export function choice<const T extends readonly [string, ...string[]]>(values: T, options: { error: string }) {
  return z.string({ error: options.error }).pipe(z.enum(values, { error: options.error }));
}
