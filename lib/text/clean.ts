/**
 * Text as it enters from a query string or a form, before anything stores or shows it.
 *
 * PostgreSQL refuses a NUL character in text (a 500 if it got that far), an unpaired surrogate
 * is not text at all, and U+FFFD is what the request decoder leaves where the bytes were not
 * valid UTF-8. None of them belongs in anything a person types.
 */
const INVALID = /[\u0000\uFFFD]/;
const INVALID_GLOBAL = /[\u0000\uFFFD]/g;

export function isCleanText(value: string): boolean {
  return value.isWellFormed() && !INVALID.test(value);
}

/** The same text without what `isCleanText` refuses (unpaired surrogates dropped too). */
export function withoutInvalidText(value: string): string {
  return value.toWellFormed().replace(INVALID_GLOBAL, "");
}
