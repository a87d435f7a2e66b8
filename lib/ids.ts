/**
 * True for a string shaped like our row ids (UUIDs). Ids from URLs and forms go through this
 * before reaching a uuid column, so that junk gives a clean "not found" instead of a SQL error.
 */
export function isUuidLike(value: string): boolean {
  return /^[0-9a-f-]{36}$/i.test(value);
}
